import { readFileSync } from 'node:fs';
import ct from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cldrSubdivisionNames, GENERATED_NAMES_FILE, generatedNamesSource } from '../../../infra/generate-subdivision-names.js';
import { normalizeStateOrProvince } from '../../../shared/profile/state-province.js';
import { SUBDIVISION_NAMES_JSON } from '../../../shared/profile/subdivision-names.generated.js';
import { UNMAPPABLE_COUNTRIES, ZONES_BY_COUNTRY } from '../../../shared/profile/subdivision-zones.js';
import { SUBDIVISIONS, countryOfSubdivision, mappedSubdivisions } from '../../../shared/profile/subdivisions.js';

const clockOf = (zone: string) => {
  const info = ct.getTimezone(zone)!;
  return `${info.utcOffset}/${info.dstOffset}`;
};

/** Every country whose people keep different clocks, by the time zone data (not a list of ours). */
const countriesWithSeveralClocks = Object.values(ct.getAllCountries())
  .filter((country) => new Set(country.timezones.map(clockOf)).size > 1)
  .map((country) => country.id)
  .sort();
const curated = new Set(SUBDIVISIONS.map((subdivision) => countryOfSubdivision(subdivision.code)));
const names = JSON.parse(SUBDIVISION_NAMES_JSON) as Record<string, Record<string, string>>;

describe('time zone by state or province, in every country with several clocks', () => {
  it('finds the countries with several clocks in the time zone data', () => {
    // A sanity floor, not the list: the list is whatever the data says.
    expect(countriesWithSeveralClocks).toEqual(expect.arrayContaining(['US', 'RU', 'ES', 'ID', 'PT']));
    expect(countriesWithSeveralClocks).not.toContain('DE');
  });

  it.each(countriesWithSeveralClocks)('%s has its subdivisions mapped, or is listed with the reason it cannot be', (country) => {
    const ways = [curated.has(country), Object.hasOwn(ZONES_BY_COUNTRY, country), Object.hasOwn(UNMAPPABLE_COUNTRIES, country)];
    expect(ways.filter(Boolean), `${country}: curated, mapped, unmappable`).toHaveLength(1);
    if (Object.hasOwn(UNMAPPABLE_COUNTRIES, country)) {
      expect(UNMAPPABLE_COUNTRIES[country]!.length).toBeGreaterThan(40);
      expect(cldrSubdivisionNames([country]), `${country} has subdivisions in CLDR after all`).toEqual({});
    }
  });

  it('maps or unmaps no country whose people all keep one clock', () => {
    for (const country of [...Object.keys(ZONES_BY_COUNTRY), ...Object.keys(UNMAPPABLE_COUNTRIES)]) {
      expect(countriesWithSeveralClocks).toContain(country);
    }
  });

  it.each(Object.entries(ZONES_BY_COUNTRY))('%s: every zone is one the country keeps, known to the runtime', (country, zones) => {
    const countryZones = ct.getCountry(country, { deprecated: true })!.timezones;
    for (const zone of [zones.zone, ...Object.keys(zones.except ?? {})]) {
      expect(IANAZone.isValidZone(zone), zone).toBe(true);
      expect(countryZones, `${zone} in ${country}`).toContain(zone);
    }
  });

  it.each(Object.entries(ZONES_BY_COUNTRY))('%s: every CLDR subdivision is mapped or left out with a reason, each once', (country, zones) => {
    const known = Object.keys(names[country] ?? {});
    expect(known.length, `CLDR subdivisions of ${country}`).toBeGreaterThan(0);
    const listed = [...Object.values(zones.except ?? {}).flat(), ...Object.keys(zones.unmapped ?? {})];
    expect(new Set(listed).size, `a code listed twice in ${country}`).toBe(listed.length);
    for (const code of listed) expect(known, `${country}-${code}`).toContain(code);
    const mapped = [...mappedSubdivisions().keys()].filter((code) => countryOfSubdivision(code) === country);
    expect(mapped.length + Object.keys(zones.unmapped ?? {}).length).toBe(known.length);
  });

  it('resolves every mapped subdivision by its ISO 3166-2 code and by its CLDR name, in its country', () => {
    const unresolved = [...mappedSubdivisions().values()].filter(({ code, name }) => {
      const country = countryOfSubdivision(code);
      return normalizeStateOrProvince(code, country)?.code !== code || normalizeStateOrProvince(name, country)?.code !== code;
    });
    expect(unresolved).toEqual([]);
  });

  it('reads the subdivision names from CLDR as generated (run npm run generate:subdivisions when this fails)', () => {
    expect(readFileSync(GENERATED_NAMES_FILE, 'utf8')).toBe(generatedNamesSource(cldrSubdivisionNames(Object.keys(ZONES_BY_COUNTRY))));
  });
});

describe('loading', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('reads the mapped subdivisions only when a member needs them, once', async () => {
    vi.resetModules();
    const parse = vi.spyOn(JSON, 'parse');
    const generated = await import('../../../shared/profile/subdivision-names.generated.js');
    const { resolveTimeZone } = await import('../../../shared/profile/time-zone.js');
    const { normalizeStateOrProvince } = await import('../../../shared/profile/state-province.js');
    const parsesOfNames = () => parse.mock.calls.filter(([text]) => text === generated.SUBDIVISION_NAMES_JSON).length;

    expect(resolveTimeZone({ countryCode: 'US', subdivisionCode: 'US-CA', companyDefault: 'UTC' }).zone).toBe('America/Los_Angeles');
    expect(resolveTimeZone({ countryCode: 'DE', companyDefault: 'UTC' }).zone).toBe('Europe/Berlin');
    expect(normalizeStateOrProvince('California', 'US')?.code).toBe('US-CA');
    expect(normalizeStateOrProvince('Bavaria', 'DE')?.valid).toBe(true);
    expect(parsesOfNames()).toBe(0);

    expect(resolveTimeZone({ countryCode: 'ES', subdivisionCode: 'ES-TF', companyDefault: 'UTC' }).zone).toBe('Atlantic/Canary');
    expect(normalizeStateOrProvince('Azores', 'PT')?.code).toBe('PT-20');
    expect(parsesOfNames()).toBe(1);
  });
});
