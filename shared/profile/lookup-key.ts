/**
 * The key under which place names (countries, states, provinces) are looked up, so that what an
 * admin types in Okta matches the reference spelling however it is cased, accented or punctuated:
 * "CÔTE D’IVOIRE", "Cote d'Ivoire" and "cote divoire" share one key, as do "St. Lucia" and
 * "Saint Lucia", "Newfoundland & Labrador" and "Newfoundland and Labrador", "The Bahamas" and
 * "Bahamas".
 */
export function placeLookupKey(text: string): string {
  const key = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Apostrophes and dots join what they separate: "d'Ivoire" → "divoire", "U.S.A." → "usa".
    .replace(/['’‘`´.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key.replace(/^the /, '').replace(/(^| )st(?= )/g, '$1saint');
}
