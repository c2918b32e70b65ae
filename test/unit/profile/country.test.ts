import { describe, expect, it } from 'vitest';
import { MAX_COUNTRY_INPUT_LENGTH, normalizeCountry } from '../../../shared/profile/country.js';

describe('normalizeCountry', () => {
  describe('accepts full names, official names and codes in any case and spacing', () => {
    it.each([
      ['United States', 'US'],
      ['United States of America', 'US'],
      ['united states of america', 'US'],
      ['  United   States  ', 'US'],
      ['USA', 'US'],
      ['U.S.A.', 'US'],
      ['usa', 'US'],
      ['US', 'US'],
      ['us', 'US'],
      [' Us ', 'US'],
      ['Israel', 'IL'],
      ['IL', 'IL'],
      ['ISR', 'IL'],
      ['isr', 'IL'],
      ['Germany', 'DE'],
      ['DEU', 'DE'],
      ['United Kingdom', 'GB'],
      ['Great Britain', 'GB'],
      ['UK', 'GB'],
      ['GBR', 'GB'],
      ['England', 'GB'],
      ['Russian Federation', 'RU'],
      ['Russia', 'RU'],
      ['South Korea', 'KR'],
      ['Republic of Korea', 'KR'],
      ['North Korea', 'KP'],
      ["Côte d'Ivoire", 'CI'],
      ['Côte d’Ivoire', 'CI'],
      ['COTE D IVOIRE', 'CI'],
      ['Ivory Coast', 'CI'],
      ['Türkiye', 'TR'],
      ['Turkey', 'TR'],
      ['Czechia', 'CZ'],
      ['Czech Republic', 'CZ'],
      ['The Netherlands', 'NL'],
      ['Holland', 'NL'],
      ['Bahamas', 'BS'],
      ['The Bahamas', 'BS'],
      ['St. Lucia', 'LC'],
      ['St Kitts and Nevis', 'KN'],
      ['Bosnia & Herzegovina', 'BA'],
      ['São Tomé and Príncipe', 'ST'],
      ['Sao Tome and Principe', 'ST'],
      ['Viet Nam', 'VN'],
      ['Syria', 'SY'],
      ['Laos', 'LA'],
      ['Moldova', 'MD'],
      ['Congo', 'CG'],
      ['Democratic Republic of the Congo', 'CD'],
      ['Kosovo', 'XK'],
      ['XK', 'XK'],
      ['Georgia', 'GE'],
      ['Mexico', 'MX'],
      ['BRA', 'BR'],
      ['Ａｕｓｔｒａｌｉａ', 'AU'],
    ])('%j → %s', (raw, code) => {
      expect(normalizeCountry(raw)).toEqual({ code, valid: true });
    });
  });

  describe('flags what it does not know, never throws', () => {
    it.each([
      'ZZ',
      'ZZZ',
      'XKX',
      '840',
      'Korea',
      'America',
      'Atlantis',
      'U S',
      'Europe',
      '🇺🇸',
      '\u0000',
      'A',
      'x'.repeat(MAX_COUNTRY_INPUT_LENGTH + 1),
      'United States '.repeat(1_000),
    ])('%j', (raw) => {
      const result = normalizeCountry(raw);
      expect(result).toMatchObject({ valid: false });
      expect(result?.code).toBeUndefined();
      expect(result?.reason).toMatch(/unknown country/);
    });
  });

  it.each([undefined, null, '', '   ', '\t\n'])('returns undefined when nothing is given (%j)', (raw) => {
    expect(normalizeCountry(raw)).toBeUndefined();
  });
});
