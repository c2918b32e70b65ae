import { describe, expect, it } from 'vitest';
import {
  ABBREVIATION_NOT_SUPPORTED,
  OFFSET_NOT_SUPPORTED,
  UNKNOWN_TIME_ZONE,
  resolveTimeZone,
  validateTimeZone,
} from '../../../shared/profile/time-zone.js';

describe('validateTimeZone', () => {
  describe('accepts TZ database names, returned with the database spelling', () => {
    it.each([
      ['America/New_York', 'America/New_York'],
      ['  america/new_york ', 'America/New_York'],
      ['EUROPE/LONDON', 'Europe/London'],
      ['America/Indiana/Indianapolis', 'America/Indiana/Indianapolis'],
      ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
      ['Asia/Kolkata', 'Asia/Kolkata'],
      ['Asia/Calcutta', 'Asia/Calcutta'],
      ['Europe/Kyiv', 'Europe/Kyiv'],
      ['Europe/Kiev', 'Europe/Kiev'],
      ['America/Ciudad_Juarez', 'America/Ciudad_Juarez'],
      ['US/Eastern', 'US/Eastern'],
      ['Japan', 'Japan'],
      ['japan', 'Japan'],
      ['UTC', 'UTC'],
      ['utc', 'UTC'],
      ['Etc/UTC', 'Etc/UTC'],
      ['Etc/GMT', 'Etc/GMT'],
    ])('%j → %s', (raw, zone) => {
      expect(validateTimeZone(raw)).toEqual({ valid: true, zone });
    });

    it('accepts every Area/Location zone the runtime lists, unchanged', () => {
      const zones = Intl.supportedValuesOf('timeZone').filter((zone) => /^[A-Z][a-z]+\//.test(zone) && !zone.startsWith('Etc/'));
      expect(zones.length).toBeGreaterThan(300);
      for (const zone of zones) expect(validateTimeZone(zone), zone).toEqual({ valid: true, zone });
    });
  });

  describe('refuses offsets, with a reason an Okta admin understands', () => {
    it.each([
      '-05:00',
      '+05:30',
      '+0530',
      '-5',
      '−05:00',
      '+00:00',
      'Z',
      'GMT+5',
      'gmt-03:00',
      'UTC-3',
      'UTC +02:00',
      'UTC+0',
      'GMT0',
      'Etc/GMT+5',
      'Etc/GMT-14',
      'etc/gmt+0',
      '(UTC-05:00) Eastern Time (US & Canada)',
      '(GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna',
    ])('%j', (raw) => {
      expect(validateTimeZone(raw)).toEqual({ valid: false, reason: OFFSET_NOT_SUPPORTED });
    });

    it('says so in the words of the article', () => {
      expect(OFFSET_NOT_SUPPORTED).toBe(
        'time zone offsets like -05:00 are not supported; use a TZ database name such as America/New_York',
      );
    });
  });

  describe('refuses abbreviations, even those the runtime would accept as zones', () => {
    it.each(['EST', 'est', 'PST', 'PDT', 'CST', 'CET', 'CEST', 'IST', 'BST', 'AEST', 'JST', 'GMT', 'UCT', 'EST5EDT', 'PST8PDT', 'NZ', 'PRC'])(
      '%j',
      (raw) => {
        expect(validateTimeZone(raw)).toEqual({ valid: false, reason: ABBREVIATION_NOT_SUPPORTED });
      },
    );
  });

  describe('refuses what is not a TZ database name', () => {
    it.each([
      'Eastern Standard Time',
      'New York',
      'America/New York',
      'America/NewYork',
      'Mars/Olympus_Mons',
      'Factory',
      'ＵＴＣ',
      'America/New_York\u0000',
      '🕐',
      'America/New_York'.repeat(1_000),
      'x'.repeat(10_000),
    ])('%j', (raw) => {
      expect(validateTimeZone(raw)).toEqual({ valid: false, reason: UNKNOWN_TIME_ZONE });
    });
  });

  it.each([undefined, null, '', '   ', '\t'])('returns undefined when nothing is given (%j)', (raw) => {
    expect(validateTimeZone(raw)).toBeUndefined();
  });
});

describe('resolveTimeZone', () => {
  const companyDefault = 'Europe/London';

  it.each([
    // 1. the time zone attribute, when valid
    [{ timezone: 'America/Denver', countryCode: 'IL', subdivisionCode: 'US-CA' }, 'America/Denver', 'timezone'],
    [{ timezone: ' asia/jerusalem ' }, 'Asia/Jerusalem', 'timezone'],
    [{ timezone: 'utc', countryCode: 'US' }, 'UTC', 'timezone'],
    // 2. the country, when it has one clock
    [{ countryCode: 'IL' }, 'Asia/Jerusalem', 'country'],
    [{ countryCode: 'de' }, 'Europe/Berlin', 'country'],
    [{ timezone: '-05:00', countryCode: 'IL' }, 'Asia/Jerusalem', 'country'],
    [{ timezone: 'EST', countryCode: 'GB' }, 'Europe/London', 'country'],
    [{ timezone: '   ', countryCode: 'IN' }, 'Asia/Kolkata', 'country'],
    [{ timezone: 'x'.repeat(10_000), countryCode: 'FR' }, 'Europe/Paris', 'country'],
    // the country wins over a state or province, even one of another country
    [{ countryCode: 'DE', subdivisionCode: 'US-CA' }, 'Europe/Berlin', 'country'],
    // 3. the state or province, where the country's zones differ
    [{ countryCode: 'US', subdivisionCode: 'US-CA' }, 'America/Los_Angeles', 'stateOrProvince'],
    [{ countryCode: 'US', subdivisionCode: 'us-az' }, 'America/Phoenix', 'stateOrProvince'],
    [{ timezone: 'PST', countryCode: 'US', subdivisionCode: 'US-IN' }, 'America/Indiana/Indianapolis', 'stateOrProvince'],
    [{ countryCode: 'CA', subdivisionCode: 'CA-NL' }, 'America/St_Johns', 'stateOrProvince'],
    [{ countryCode: 'AU', subdivisionCode: 'AU-WA' }, 'Australia/Perth', 'stateOrProvince'],
    [{ countryCode: 'BR', subdivisionCode: 'BR-AM' }, 'America/Manaus', 'stateOrProvince'],
    [{ countryCode: 'MX', subdivisionCode: 'MX-BCN' }, 'America/Tijuana', 'stateOrProvince'],
    [{ countryCode: 'RU', subdivisionCode: 'RU-KHA' }, 'Asia/Vladivostok', 'stateOrProvince'],
    [{ subdivisionCode: 'US-TX' }, 'America/Chicago', 'stateOrProvince'],
    // … in every country with several clocks (subdivision-zones.ts)
    [{ countryCode: 'ES', subdivisionCode: 'ES-CN' }, 'Atlantic/Canary', 'stateOrProvince'],
    [{ countryCode: 'ES', subdivisionCode: 'ES-M' }, 'Europe/Madrid', 'stateOrProvince'],
    [{ countryCode: 'PT', subdivisionCode: 'PT-20' }, 'Atlantic/Azores', 'stateOrProvince'],
    [{ countryCode: 'ID', subdivisionCode: 'ID-BA' }, 'Asia/Makassar', 'stateOrProvince'],
    [{ countryCode: 'PG', subdivisionCode: 'PG-NSB' }, 'Pacific/Bougainville', 'stateOrProvince'],
    [{ countryCode: 'UA', subdivisionCode: 'UA-43' }, 'Europe/Simferopol', 'stateOrProvince'],
    [{ countryCode: 'CN', subdivisionCode: 'CN-BJ' }, 'Asia/Shanghai', 'stateOrProvince'],
    [{ subdivisionCode: 'NZ-CIT' }, 'Pacific/Chatham', 'stateOrProvince'],
    // 4. the company default
    [{}, companyDefault, 'companyDefault'],
    [{ timezone: null, countryCode: null, subdivisionCode: null }, companyDefault, 'companyDefault'],
    [{ timezone: '+02:00' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'US' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'US', subdivisionCode: 'US-ZZ' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'US', subdivisionCode: 'CA-ON' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'UM', subdivisionCode: 'UM-81' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'PF' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'ES', subdivisionCode: 'PT-20' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'ES' }, companyDefault, 'companyDefault'],
    [{ countryCode: 'ZZ' }, companyDefault, 'companyDefault'],
    [{ subdivisionCode: 'California' }, companyDefault, 'companyDefault'],
  ] as const)('%j → %s from %s', (input, zone, source) => {
    expect(resolveTimeZone({ ...input, companyDefault })).toEqual({ zone, source });
  });
});
