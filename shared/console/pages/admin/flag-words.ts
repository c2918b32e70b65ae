/** How the admin pages name the fields of a member's flags (`field: what is wrong`). */
const FLAG_FIELDS: Record<string, string> = {
  seatShortage: 'Short of a seat',
  manager: 'Manager',
  managerEmail: 'Manager email',
  phoneNumbers: 'Phone',
  country: 'Country',
  stateOrProvince: 'State or province',
  timezone: 'Time zone',
  locale: 'Locale',
};

export function flagInWords(flag: string): string {
  const at = flag.indexOf(': ');
  if (at < 0) return flag;
  const field = flag.slice(0, at);
  return `${FLAG_FIELDS[field] ?? field}: ${flag.slice(at + 2)}`;
}
