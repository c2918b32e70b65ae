import ct from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { timeZoneOfCountry } from './country-time-zone.js';
import { countryOfSubdivision, findSubdivision } from './subdivisions.js';

export type TimeZoneCheck = { valid: true; zone: string } | { valid: false; reason: string };

export type TimeZoneSource = 'timezone' | 'country' | 'stateOrProvince' | 'companyDefault';

export interface ResolvedTimeZone {
  zone: string;
  source: TimeZoneSource;
}

/** Longer than any TZ database name; longer input is rejected without being looked at. */
export const MAX_TIME_ZONE_INPUT_LENGTH = 64;

export const OFFSET_NOT_SUPPORTED =
  'time zone offsets like -05:00 are not supported; use a TZ database name such as America/New_York';
export const ABBREVIATION_NOT_SUPPORTED =
  'time zone abbreviations like EST are not supported; use a TZ database name such as America/New_York';
export const UNKNOWN_TIME_ZONE =
  'unknown time zone; use a TZ database name such as America/New_York or Europe/London';

// "-05:00", "+0530", "−3", "Z", "GMT+5", "UTC-3", "UTC -03:00", and Windows display names
// such as "(UTC-05:00) Eastern Time (US & Canada)".
const OFFSET = /^[+\-−±]\s*\d|^z$|(?:^|[^a-z])(?:utc|gmt|ut)\s*[+\-−±]\s*\d/i;
// Etc/GMT+5 and GMT0 are TZ database names, but they are offsets in disguise (with the sign
// inverted): a person's clock never follows them, so they are refused like offsets.
const OFFSET_ZONE = /^(?:etc\/)?gmt(?:[+-]\d{1,2}|0)$/i;
// EST, PST, CET, IST, GMT, EST5EDT… ICU even accepts some of them as zones, but EST is not
// New York in summer and IST is three different countries.
const ABBREVIATION = /^[a-z]{2,5}$|^[a-z]{3}\d[a-z]{3}$/i;

let zoneNames: Map<string, string> | undefined;

/** Every TZ database name, including backward links (US/Eastern, Asia/Calcutta), keyed in lower case. */
function knownZoneNames(): Map<string, string> {
  if (zoneNames) return zoneNames;
  // Intl.supportedValuesOf lists only ICU's canonical ids: no UTC, Etc/UTC, Asia/Kolkata or
  // US/Eastern. countries-and-timezones has the whole database; luxon confirms the runtime's
  // time zone data knows each name (drops e.g. "Factory").
  const names = new Set([...Intl.supportedValuesOf('timeZone'), ...Object.keys(ct.getAllTimezones({ deprecated: true }))]);
  zoneNames = new Map([...names].filter((name) => IANAZone.isValidZone(name)).map((name) => [name.toLowerCase(), name]));
  return zoneNames;
}

/**
 * Checks the Okta "Time zone" attribute: only names from the TZ database are accepted, in any
 * letter case, returned with the database's spelling ("america/new_york" → "America/New_York").
 * Backward links the database still carries (US/Eastern, Asia/Calcutta, Europe/Kiev) are
 * accepted and kept as given, not replaced by their canonical zone. UTC and Etc/UTC are accepted.
 *
 * Refused, with a reason for the admin: offsets (-05:00, +0530, GMT+5, UTC-3, Etc/GMT+5) and
 * abbreviations (EST, PST, CET, GMT), as the article says offsets are not supported.
 *
 * Returns undefined when nothing was given.
 */
export function validateTimeZone(raw: string | null | undefined): TimeZoneCheck | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  if (text.length > MAX_TIME_ZONE_INPUT_LENGTH) return { valid: false, reason: UNKNOWN_TIME_ZONE };
  if (OFFSET.test(text) || OFFSET_ZONE.test(text)) return { valid: false, reason: OFFSET_NOT_SUPPORTED };

  const zone = knownZoneNames().get(text.toLowerCase());
  if (zone === 'UTC') return { valid: true, zone };
  // A known mixed-case name such as "Japan" or "Cuba" is a TZ database link, not an abbreviation.
  if (ABBREVIATION.test(text) && (!zone || zone === zone.toUpperCase())) {
    return { valid: false, reason: ABBREVIATION_NOT_SUPPORTED };
  }
  return zone ? { valid: true, zone } : { valid: false, reason: UNKNOWN_TIME_ZONE };
}

/**
 * The user's time zone, by the article's hierarchy:
 * 1. the Okta time zone attribute, when it is a valid TZ database name (see validateTimeZone);
 * 2. the country, when everyone in it keeps the same time (see timeZoneOfCountry);
 * 3. the state or province, in a country whose zones differ between them (subdivisions.ts and
 *    subdivision-zones.ts cover every such country that ISO 3166-2 divides);
 *    a subdivision of another country than `countryCode` is ignored;
 * 4. the company's default time zone.
 *
 * `countryCode` is ISO 3166-1 alpha-2 (normalizeCountry), `subdivisionCode` ISO 3166-2
 * (normalizeStateOrProvince); `companyDefault` is trusted as already valid.
 */
export function resolveTimeZone(input: {
  timezone?: string | null;
  countryCode?: string | null;
  subdivisionCode?: string | null;
  companyDefault: string;
}): ResolvedTimeZone {
  const attribute = validateTimeZone(input.timezone);
  if (attribute?.valid) return { zone: attribute.zone, source: 'timezone' };

  const country = input.countryCode?.trim().toUpperCase() || undefined;
  if (country) {
    const countryZone = timeZoneOfCountry(country);
    if (countryZone) return { zone: countryZone, source: 'country' };
  }

  const subdivisionCode = input.subdivisionCode?.trim().toUpperCase();
  if (subdivisionCode) {
    const subdivision = findSubdivision(subdivisionCode);
    if (subdivision && (!country || country === countryOfSubdivision(subdivision.code))) {
      return { zone: subdivision.timeZone, source: 'stateOrProvince' };
    }
  }

  return { zone: input.companyDefault, source: 'companyDefault' };
}
