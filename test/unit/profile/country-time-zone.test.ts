import ct from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { timeZoneOfCountry } from '../../../shared/profile/country-time-zone.js';

const clockOf = (zone: string) => {
  const info = ct.getTimezone(zone);
  return `${info?.utcOffset}/${info?.dstOffset}`;
};

describe('timeZoneOfCountry', () => {
  it.each([
    ['IL', 'Asia/Jerusalem'],
    ['il', 'Asia/Jerusalem'],
    [' GB ', 'Europe/London'],
    ['FR', 'Europe/Paris'],
    ['JP', 'Asia/Tokyo'],
    ['IN', 'Asia/Kolkata'],
    ['ZA', 'Africa/Johannesburg'],
    ['SG', 'Asia/Singapore'],
    // Listed with Europe/Berlin and Europe/Zurich (Büsingen): one clock, and Berlin is Germany's own.
    ['DE', 'Europe/Berlin'],
    // Twelve zones, one clock.
    ['AR', 'America/Argentina/Buenos_Aires'],
    // Only shares Europe/Berlin: its own link reads better.
    ['NO', 'Europe/Oslo'],
    ['SE', 'Europe/Stockholm'],
    ['NL', 'Europe/Amsterdam'],
    // Several zones with one clock: the capital's, not the alphabetically first.
    ['CY', 'Asia/Nicosia'],
    ['UZ', 'Asia/Tashkent'],
    ['MY', 'Asia/Kuala_Lumpur'],
  ])('%j → %s', (country, zone) => {
    expect(timeZoneOfCountry(country)).toBe(zone);
  });

  it.each(['US', 'CA', 'RU', 'AU', 'BR', 'MX', 'CN', 'ES', 'PT', 'ID', 'NZ', 'CL'])(
    '%s keeps different times in different places: undefined',
    (country) => {
      expect(timeZoneOfCountry(country)).toBeUndefined();
    },
  );

  it.each(['', '   ', 'ZZ', 'USA', 'United States', 'HM', 'x'.repeat(10_000)])('%j is not a country with a zone', (country) => {
    expect(timeZoneOfCountry(country)).toBeUndefined();
  });

  it('returns, for every country, a valid zone of that country with the clock of all its zones', () => {
    let countriesWithOneClock = 0;
    for (const code of Object.keys(ct.getAllCountries())) {
      const zone = timeZoneOfCountry(code);
      if (!zone) continue;
      countriesWithOneClock += 1;
      expect(IANAZone.isValidZone(zone), `${code} ${zone}`).toBe(true);
      expect(ct.getCountry(code, { deprecated: true })?.timezones, code).toContain(zone);
      for (const countryZone of ct.getCountry(code)?.timezones ?? []) {
        expect(clockOf(countryZone), `${code} ${countryZone}`).toBe(clockOf(zone));
      }
    }
    expect(countriesWithOneClock).toBeGreaterThan(200);
  });
});
