import { describe, expect, it } from 'vitest';
import { normalizeStateOrProvince } from '../../../shared/profile/state-province.js';

describe('normalizeStateOrProvince', () => {
  describe('accepts full names, with or without the country', () => {
    it.each([
      ['California', 'US', 'US-CA'],
      ['California', undefined, 'US-CA'],
      ['  california ', null, 'US-CA'],
      ['CALIFORNIA', 'us', 'US-CA'],
      ['New   York', 'US', 'US-NY'],
      ['District of Columbia', 'US', 'US-DC'],
      ['Washington DC', undefined, 'US-DC'],
      ['Washington', 'US', 'US-WA'],
      ['Georgia', 'US', 'US-GA'],
      ['Ontario', 'CA', 'CA-ON'],
      ['Ontario', undefined, 'CA-ON'],
      ['Québec', 'CA', 'CA-QC'],
      ['Quebec', 'CA', 'CA-QC'],
      ['Newfoundland & Labrador', 'CA', 'CA-NL'],
      ['New South Wales', 'AU', 'AU-NSW'],
      ['new south wales', undefined, 'AU-NSW'],
      ['Western Australia', 'AU', 'AU-WA'],
      ['São Paulo', 'BR', 'BR-SP'],
      ['SAO PAULO', 'BR', 'BR-SP'],
      ['Amazonas', 'BR', 'BR-AM'],
      ['Ciudad de México', 'MX', 'MX-CMX'],
      ['Mexico City', 'MX', 'MX-CMX'],
      ['Nuevo Leon', 'MX', 'MX-NLE'],
      ['Baja California', 'MX', 'MX-BCN'],
      ['Baja California Sur', 'MX', 'MX-BCS'],
      ['Khabarovsk Krai', 'RU', 'RU-KHA'],
      ["Khabarovskiy kray", 'RU', 'RU-KHA'],
      ['St. Petersburg', 'RU', 'RU-SPE'],
      ['Moscow', 'RU', 'RU-MOW'],
      ['Moscow Oblast', 'RU', 'RU-MOS'],
    ])('%j (country %j) → %s', (raw, country, code) => {
      expect(normalizeStateOrProvince(raw, country)).toEqual({ code, valid: true, verified: true });
    });
  });

  describe('accepts ISO 3166-2 codes, and bare codes when the country is known', () => {
    it.each([
      ['US-CA', undefined, 'US-CA'],
      ['us-ca', 'US', 'US-CA'],
      [' US - CA ', undefined, 'US-CA'],
      ['CA', 'US', 'US-CA'],
      ['ca', 'us', 'US-CA'],
      ['ON', 'CA', 'CA-ON'],
      ['NSW', 'AU', 'AU-NSW'],
      ['WA', 'AU', 'AU-WA'],
      ['WA', 'US', 'US-WA'],
      ['SP', 'BR', 'BR-SP'],
      ['BCN', 'MX', 'MX-BCN'],
      ['KHA', 'RU', 'RU-KHA'],
      ['PR', 'US', 'US-PR'],
      ['PR', 'BR', 'BR-PR'],
    ])('%j (country %j) → %s', (raw, country, code) => {
      expect(normalizeStateOrProvince(raw, country)).toEqual({ code, valid: true, verified: true });
    });
  });

  describe('flags what is wrong, never throws', () => {
    it.each([
      ['CA', undefined, /set the country/],
      ['WA', undefined, /set the country/],
      ['CA', 'CA', /unknown state or province of CA/],
      ['US-ZZ', undefined, /unknown state or province of US/],
      ['US-CA', 'CA', /not in the user's country/],
      ['Ontario', 'US', /unknown state or province of US/],
      ['Atlantis', 'US', /unknown/],
      ['Bavaria', undefined, /set the country/],
      ['Distrito Federal', undefined, /ambiguous.*BR-DF.*MX-CMX/],
      ['\u0000', 'US', /unknown/],
      ['🌴', undefined, /unknown/],
      ['California'.repeat(1_000), 'US', /unknown/],
      ['x'.repeat(10_000), undefined, /unknown/],
    ])('%j (country %j)', (raw, country, reason) => {
      const result = normalizeStateOrProvince(raw, country);
      expect(result).toMatchObject({ valid: false, verified: false });
      expect(result?.code).toBeUndefined();
      expect(result?.reason).toMatch(reason);
    });
  });

  it('resolves a name shared by two countries once the country is known', () => {
    expect(normalizeStateOrProvince('Distrito Federal', 'BR')?.code).toBe('BR-DF');
    expect(normalizeStateOrProvince('Distrito Federal', 'MX')?.code).toBe('MX-CMX');
  });

  describe('does not flag what it cannot check, in countries outside the table', () => {
    it.each([
      ['Bavaria', 'DE', undefined],
      ['BY', 'DE', undefined],
      ['DE-BY', 'DE', 'DE-BY'],
      ['de-by', undefined, 'DE-BY'],
      ['Île-de-France', 'FR', undefined],
    ])('%j (country %j)', (raw, country, code) => {
      expect(normalizeStateOrProvince(raw, country)).toEqual({ valid: true, verified: false, ...(code && { code }) });
    });

    it('still refuses an ISO code of another country', () => {
      expect(normalizeStateOrProvince('US-CA', 'DE')).toMatchObject({ valid: false });
    });
  });

  describe('knows the subdivisions of every other country with several clocks, by ISO code and CLDR name', () => {
    it.each([
      ['ES-CN', undefined, 'ES-CN'],
      ['CN', 'ES', 'ES-CN'],
      ['Canary Islands', 'ES', 'ES-CN'],
      ['Canary Islands', undefined, 'ES-CN'],
      ['Las Palmas', 'ES', 'ES-GC'],
      // CLDR's "Madrid Province", written as people write it; "La Rioja" stays the community.
      ['Madrid', 'ES', 'ES-M'],
      ['La Rioja', 'ES', 'ES-RI'],
      ['Azores', 'PT', 'PT-20'],
      ['20', 'PT', 'PT-20'],
      ['Bali', 'ID', 'ID-BA'],
      ['Chatham Islands', 'NZ', 'NZ-CIT'],
      ['UA-43', 'UA', 'UA-43'],
      ['071', 'MN', 'MN-071'],
    ])('%j (country %j) → %s', (raw, country, code) => {
      expect(normalizeStateOrProvince(raw, country)).toEqual({ code, valid: true, verified: true });
    });

    it('flags an ISO code the country does not have', () => {
      expect(normalizeStateOrProvince('ES-ZZ', 'ES')).toMatchObject({ valid: false, reason: expect.stringMatching(/unknown state or province of ES/) });
    });

    it('keeps, unverified but not flagged, a name CLDR does not use (it has English names only)', () => {
      expect(normalizeStateOrProvince('Canarias', 'ES')).toEqual({ valid: true, verified: false });
      expect(normalizeStateOrProvince('Kyiv Oblast', 'UA')).toEqual({ valid: true, verified: false });
    });

    it('does not let those names shadow the curated table', () => {
      expect(normalizeStateOrProvince('Georgia', undefined)).toEqual({ code: 'US-GA', valid: true, verified: true });
    });
  });

  it.each([undefined, null, '', '   ', '\n'])('returns undefined when nothing is given (%j)', (raw) => {
    expect(normalizeStateOrProvince(raw, 'US')).toBeUndefined();
    expect(normalizeStateOrProvince(raw)).toBeUndefined();
  });
});
