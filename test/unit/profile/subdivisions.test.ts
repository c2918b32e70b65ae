import ct from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { timeZoneOfCountry } from '../../../shared/profile/country-time-zone.js';
import { placeLookupKey } from '../../../shared/profile/lookup-key.js';
import {
  SUBDIVISIONS,
  countryOfSubdivision,
  findSubdivision,
  hasSubdivisionTable,
} from '../../../shared/profile/subdivisions.js';

// ISO 3166-2:US lists the outlying areas, which also have their own ISO 3166-1 codes: their zones
// are listed by countries-and-timezones under those codes.
const US_OUTLYING_AREAS = new Set(['US-AS', 'US-GU', 'US-MP', 'US-PR', 'US-UM', 'US-VI']);

function countryZonesFor(code: string): string[] {
  const country = US_OUTLYING_AREAS.has(code) ? code.slice(3) : countryOfSubdivision(code);
  return ct.getCountry(country)?.timezones ?? [];
}

describe('the subdivision table', () => {
  it('has every subdivision of each country it covers', () => {
    const counts = Object.fromEntries(
      ['US', 'CA', 'AU', 'BR', 'MX', 'RU'].map((country) => [
        country,
        SUBDIVISIONS.filter((subdivision) => countryOfSubdivision(subdivision.code) === country).length,
      ]),
    );
    // US: 50 states + DC + 6 outlying areas; RU: 83 federal subjects (without Crimea, UA-43 in ISO).
    expect(counts).toEqual({ US: 57, CA: 13, AU: 8, BR: 27, MX: 32, RU: 83 });
    expect(SUBDIVISIONS).toHaveLength(57 + 13 + 8 + 27 + 32 + 83);
  });

  it('has unique ISO 3166-2 codes', () => {
    const codes = SUBDIVISIONS.map((subdivision) => subdivision.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}-[A-Z0-9]{1,3}$/);
  });

  it.each(SUBDIVISIONS.map((subdivision) => [subdivision.code, subdivision.timeZone]))(
    '%s: %s is a valid IANA zone of that country in countries-and-timezones',
    (code, timeZone) => {
      expect(IANAZone.isValidZone(timeZone)).toBe(true);
      expect(ct.getTimezone(timeZone)?.deprecated).toBeFalsy();
      expect(countryZonesFor(code)).toContain(timeZone);
    },
  );

  it('names every subdivision of a country differently (names and aliases alike)', () => {
    for (const country of new Set(SUBDIVISIONS.map((subdivision) => countryOfSubdivision(subdivision.code)))) {
      const owners = new Map<string, string>();
      for (const subdivision of SUBDIVISIONS.filter((entry) => countryOfSubdivision(entry.code) === country)) {
        for (const name of [subdivision.name, ...(subdivision.aliases ?? [])]) {
          const key = placeLookupKey(name);
          expect(owners.get(key) ?? subdivision.code, `${name} in ${country}`).toBe(subdivision.code);
          owners.set(key, subdivision.code);
        }
      }
    }
  });

  it('only covers countries whose zones differ, where the state or province decides', () => {
    for (const country of ['US', 'CA', 'AU', 'BR', 'MX', 'RU']) {
      expect(hasSubdivisionTable(country)).toBe(true);
      expect(timeZoneOfCountry(country)).toBeUndefined();
    }
    expect(hasSubdivisionTable('DE')).toBe(false);
    expect(hasSubdivisionTable('us')).toBe(false);
  });

  it('covers every UTC offset of Russia', () => {
    const offsetOf = (zone: string) => ct.getTimezone(zone)?.utcOffset;
    const russianOffsets = new Set(ct.getCountry('RU')?.timezones.map(offsetOf));
    const tableOffsets = new Set(
      SUBDIVISIONS.filter((subdivision) => subdivision.code.startsWith('RU-')).map((subdivision) => offsetOf(subdivision.timeZone)),
    );
    expect(russianOffsets.size).toBe(11);
    expect(tableOffsets).toEqual(russianOffsets);
  });

  it.each([
    ['US-CA', 'America/Los_Angeles'],
    ['US-IN', 'America/Indiana/Indianapolis'],
    ['US-AZ', 'America/Phoenix'],
    ['US-TX', 'America/Chicago'],
    ['US-NY', 'America/New_York'],
    ['US-HI', 'Pacific/Honolulu'],
    ['US-PR', 'America/Puerto_Rico'],
    ['CA-NL', 'America/St_Johns'],
    ['CA-SK', 'America/Regina'],
    ['CA-QC', 'America/Toronto'],
    ['AU-WA', 'Australia/Perth'],
    ['AU-QLD', 'Australia/Brisbane'],
    ['AU-ACT', 'Australia/Sydney'],
    ['BR-AM', 'America/Manaus'],
    ['BR-SP', 'America/Sao_Paulo'],
    ['MX-BCN', 'America/Tijuana'],
    ['MX-SON', 'America/Hermosillo'],
    ['MX-ROO', 'America/Cancun'],
    ['RU-KHA', 'Asia/Vladivostok'],
    ['RU-KGD', 'Europe/Kaliningrad'],
    ['RU-MOW', 'Europe/Moscow'],
    ['RU-KAM', 'Asia/Kamchatka'],
  ])('%s → %s', (code, timeZone) => {
    expect(findSubdivision(code)?.timeZone).toBe(timeZone);
  });

  it('finds subdivisions by exact code only', () => {
    expect(findSubdivision('US-CA')?.name).toBe('California');
    expect(findSubdivision('us-ca')).toBeUndefined();
    expect(findSubdivision('CA')).toBeUndefined();
    expect(findSubdivision('')).toBeUndefined();
  });
});
