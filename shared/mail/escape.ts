/** Text for HTML content and attribute values: nothing a name contains can open a tag or an attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * One line of text: CR, LF, tabs, other control characters and Unicode line separators become a
 * space. Whatever goes into a header (the subject) passes through this, so a value cannot start a
 * header of its own; body values do too, so a name cannot forge lines of the plain-text mail.
 */
export function singleLine(value: string, maxLength = 200): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const line = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return line.length > maxLength ? `${line.slice(0, maxLength - 1)}…` : line;
}
