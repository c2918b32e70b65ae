// The library's main entry registers all ~80 languages (~700 KB); only English is needed here.
import * as isoCountries from 'i18n-iso-countries/index.js';
import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { placeLookupKey } from './lookup-key.js';

isoCountries.registerLocale(englishNames);

export interface NormalizedCountry {
  /** ISO 3166-1 alpha-2, upper case; present exactly when `valid`. */
  code?: string;
  valid: boolean;
  /** Why the value was not accepted, in words an Okta admin understands. */
  reason?: string;
}

/** Longer than any country name; longer input is flagged without being looked at. */
export const MAX_COUNTRY_INPUT_LENGTH = 100;

const UNKNOWN_COUNTRY =
  "unknown country; use the country's English name or its ISO 3166-1 alpha-2 or alpha-3 code (for example United States, US or USA)";

/** Everyday English names that i18n-iso-countries does not list (it has "Syrian Arab Republic", not "Syria"). */
const COMMON_NAMES_MISSING_FROM_LIBRARY: Readonly<Record<string, string>> = {
  Syria: 'SY',
  Laos: 'LA',
  Moldova: 'MD',
  Brunei: 'BN',
  Vatican: 'VA',
  'Vatican City': 'VA',
  'Holy See': 'VA',
  Micronesia: 'FM',
  Macau: 'MO',
  'Viet Nam': 'VN',
  'Cabo Verde': 'CV',
  Swaziland: 'SZ',
  Macedonia: 'MK',
  Burma: 'MM',
  'Falkland Islands': 'FK',
  Holland: 'NL',
  'East Timor': 'TL',
  'DR Congo': 'CD',
  DRC: 'CD',
  Bosnia: 'BA',
  England: 'GB',
  Scotland: 'GB',
  Wales: 'GB',
  'Northern Ireland': 'GB',
};

let nameIndex: Map<string, string> | undefined;

function countryByName(): Map<string, string> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, string>();
  for (const [code, names] of Object.entries(isoCountries.getNames('en', { select: 'all' }))) {
    for (const name of names) {
      // The first country to claim a name keeps it: the library lists "Congo" for both CG and CD,
      // and CG comes first, which is also ISO's short name for CG.
      const key = placeLookupKey(name);
      if (!index.has(key)) index.set(key, code);
    }
  }
  for (const [name, code] of Object.entries(COMMON_NAMES_MISSING_FROM_LIBRARY)) {
    index.set(placeLookupKey(name), code);
  }
  nameIndex = index;
  return index;
}

/**
 * Reads the Okta "Country" attribute: the country's English name (also official and common
 * names such as "United States of America", "Russian Federation", "Côte d'Ivoire"), its ISO
 * 3166-1 alpha-2 code or its alpha-3 code, in any case and spacing. Numeric codes are not accepted.
 *
 * Returns undefined when nothing was given; an unknown value is flagged (`valid: false`), never thrown.
 */
export function normalizeCountry(raw: string | null | undefined): NormalizedCountry | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (text.length > MAX_COUNTRY_INPUT_LENGTH) return { valid: false, reason: UNKNOWN_COUNTRY };

  const compact = text.replace(/\s+/g, ' ');
  if (/^[a-z]{2}$/i.test(compact)) {
    const alpha2 = compact.toUpperCase();
    if (alpha2 in isoCountries.getAlpha2Codes()) return { code: alpha2, valid: true };
  }
  if (/^[a-z]{3}$/i.test(compact)) {
    const alpha2 = isoCountries.alpha3ToAlpha2(compact.toUpperCase());
    if (alpha2) return { code: alpha2, valid: true };
  }
  const byName = countryByName().get(placeLookupKey(compact));
  if (byName) return { code: byName, valid: true };
  return { valid: false, reason: UNKNOWN_COUNTRY };
}
