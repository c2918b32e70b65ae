import { placeLookupKey } from './lookup-key.js';
import {
  SUBDIVISIONS,
  countryOfSubdivision,
  findSubdivision,
  hasCompleteSubdivisionNames,
  hasSubdivisionTable,
  mappedSubdivisions,
  type Subdivision,
} from './subdivisions.js';

export interface NormalizedStateOrProvince {
  /** ISO 3166-2 code such as "US-CA". */
  code?: string;
  /** False only when the value is wrong as far as Roster can tell: flag it, keep the user. */
  valid: boolean;
  /**
   * True when the value was found in the subdivision table. Outside the table's countries a
   * value cannot be checked: it is `valid` but unverified (and has a code only when it was
   * given as a full ISO 3166-2 code).
   */
  verified: boolean;
  /** Why the value was not accepted, in words an Okta admin understands. */
  reason?: string;
}

/** Longer than any state or province name; longer input is flagged without being looked at. */
export const MAX_STATE_OR_PROVINCE_INPUT_LENGTH = 100;

const ISO_3166_2 = /^([a-z]{2})\s*-\s*([a-z0-9]{1,3})$/i;
const BARE_SUBDIVISION_CODE = /^[a-z0-9]{1,3}$/i;

let curatedNames: Map<string, Subdivision[]> | undefined;
let mappedNames: Map<string, Subdivision[]> | undefined;

function indexByName(subdivisions: Iterable<Subdivision>): Map<string, Subdivision[]> {
  const index = new Map<string, Subdivision[]>();
  for (const subdivision of subdivisions) {
    for (const name of [subdivision.name, ...(subdivision.aliases ?? [])]) {
      const key = placeLookupKey(name);
      const found = index.get(key) ?? [];
      if (!found.includes(subdivision)) found.push(subdivision);
      index.set(key, found);
    }
  }
  return index;
}

/**
 * The subdivisions with this name: the curated table's first; the other mapped countries' (built
 * on first use) only when the user's country is one of them, or no country is known and the
 * curated table has no such name.
 */
function subdivisionsNamed(key: string, country: string | undefined): Subdivision[] {
  curatedNames ??= indexByName(SUBDIVISIONS);
  const curated = curatedNames.get(key) ?? [];
  if (country ? hasCompleteSubdivisionNames(country) || !hasSubdivisionTable(country) : curated.length) return curated;
  mappedNames ??= indexByName(mappedSubdivisions().values());
  return [...curated, ...(mappedNames.get(key) ?? [])];
}

function unknown(countryCode: string | undefined): NormalizedStateOrProvince {
  return {
    valid: false,
    verified: false,
    reason: countryCode
      ? `unknown state or province of ${countryCode}; use its full name or its ISO 3166-2 code`
      : 'unknown state or province; set the country, or use the full name or ISO 3166-2 code (for example California or US-CA)',
  };
}

function found(subdivision: Subdivision): NormalizedStateOrProvince {
  return { code: subdivision.code, valid: true, verified: true };
}

/**
 * Reads the Okta "State or Province" attribute: the full name ("California", "Ontario",
 * "New South Wales", "São Paulo" with or without accents), the ISO 3166-2 code ("US-CA"), or
 * the bare subdivision code ("CA") when the user's country is known. `countryCode` is the
 * user's ISO 3166-1 alpha-2 country (see normalizeCountry); without it a full name still
 * resolves when only one country in the table has it.
 *
 * Returns undefined when nothing was given; never throws.
 */
export function normalizeStateOrProvince(
  raw: string | null | undefined,
  countryCode?: string | null,
): NormalizedStateOrProvince | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const country = countryCode?.trim().toUpperCase() || undefined;
  if (text.length > MAX_STATE_OR_PROVINCE_INPUT_LENGTH) return unknown(country);
  const compact = text.replace(/\s+/g, ' ');

  const iso = ISO_3166_2.exec(compact);
  if (iso) {
    const code = `${iso[1]}-${iso[2]}`.toUpperCase();
    const codeCountry = countryOfSubdivision(code);
    if (country && codeCountry !== country) {
      return { valid: false, verified: false, reason: `${code} is not in the user's country (${country})` };
    }
    if (!hasSubdivisionTable(codeCountry)) return { code, valid: true, verified: false };
    const subdivision = findSubdivision(code);
    return subdivision ? found(subdivision) : unknown(codeCountry);
  }

  if (country && hasSubdivisionTable(country) && BARE_SUBDIVISION_CODE.test(compact)) {
    const subdivision = findSubdivision(`${country}-${compact.toUpperCase()}`);
    if (subdivision) return found(subdivision);
  }

  const candidates = subdivisionsNamed(placeLookupKey(compact), country).filter(
    (subdivision) => !country || countryOfSubdivision(subdivision.code) === country,
  );
  const [only, ...others] = candidates;
  if (only && others.length === 0) return found(only);
  if (only) {
    return {
      valid: false,
      verified: false,
      reason: `ambiguous state or province (${candidates.map((subdivision) => subdivision.code).join(', ')}); set the country or use the ISO 3166-2 code`,
    };
  }
  if (country && !hasCompleteSubdivisionNames(country)) return { valid: true, verified: false };
  return unknown(country);
}
