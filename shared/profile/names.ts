/**
 * Keys are cut to this many characters so that a key always fits in a DynamoDB key attribute
 * (1 KB for a sort key, 4 bytes per character at worst, with room for a prefix).
 */
export const MAX_FULL_NAME_KEY_LENGTH = 200;

// Zero-width space, word joiner and byte-order mark: invisible junk pasted along with names.
// Zero-width (non-)joiners are kept: some scripts need them.
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
// Control characters other than the whitespace ones, which become spaces instead.
const CONTROL = /(?![\t\n\v\f\r])\p{Cc}/gu;

function tidy(part: string | null | undefined): string {
  return (part ?? '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * "Firstname Lastname" from the given and family names, as shown to people: NFC, trimmed, runs of
 * whitespace (tabs, no-break spaces…) made one space, case and accents kept. Undefined when both
 * parts are blank.
 */
export function normalizeFullName(givenName: string | null | undefined, familyName: string | null | undefined): string | undefined {
  const fullName = [tidy(givenName), tidy(familyName)].filter(Boolean).join(' ');
  return fullName || undefined;
}

/**
 * The key that matches a Manager Full Name ("John Doe") against team members' full names: the
 * tidied name (see normalizeFullName) case-folded, so " JOSÉ  NÚÑEZ " and "José Núñez" (composed
 * or decomposed accents) share a key. Accents are NOT removed: "Jose Nunez" is another key, to
 * avoid matching a different person. Undefined when the name is blank.
 *
 * Keys are cut at MAX_FULL_NAME_KEY_LENGTH characters; two names that only differ after that
 * share a key and the manager is then reported as ambiguous, as the article asks for homonyms.
 */
export function fullNameKey(fullName: string | null | undefined): string | undefined {
  const tidied = tidy(fullName);
  if (!tidied) return undefined;
  // Upper then lower case approximates Unicode case folding: "STRASSE" and "Straße" meet.
  // Lower-casing the Turkish "İ" leaves a combining dot on the "i"; dropped so "İPEK" meets "Ipek".
  const folded = tidied.toUpperCase().toLowerCase().replace(/i\u0307/g, 'i').normalize('NFC');
  return Array.from(folded).slice(0, MAX_FULL_NAME_KEY_LENGTH).join('').trim();
}
