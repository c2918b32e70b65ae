/**
 * The key under which place names (countries, states, provinces) are looked up, so that what an
 * admin types in Okta matches the reference spelling however it is cased, accented or punctuated:
 * "CÔTE D’IVOIRE", "Cote d'Ivoire" and "cote d ivoire" share one key, as do "St. Lucia" and
 * "Saint Lucia", "Newfoundland & Labrador" and "Newfoundland and Labrador", "The Bahamas" and
 * "Bahamas".
 */
export function placeLookupKey(text: string): string {
  const key = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Dots join what they separate ("U.S.A." → "usa"); apostrophes, like any other punctuation,
    // separate ("d'Ivoire" → "d ivoire", as admins type it).
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key.replace(/^the /, '').replace(/(^| )st(?= )/g, '$1saint');
}
