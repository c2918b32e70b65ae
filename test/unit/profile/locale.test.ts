import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, normalizeLocale, weekendDays } from '../../../shared/profile/locale.js';

describe('normalizeLocale', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en_US', 'en-US'],
    ['EN-us', 'en-US'],
    ['en_us', 'en-US'],
    ['  he-IL ', 'he-IL'],
    ['iw-IL', 'he-IL'],
    ['en', 'en'],
    ['fr-CA', 'fr-CA'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['zh_Hans_CN', 'zh-Hans-CN'],
    ['pt-br', 'pt-BR'],
    ['en-US-u-ca-buddhist', 'en-US-u-ca-buddhist'],
  ])('%j → %s', (raw, locale) => {
    expect(normalizeLocale(raw)).toEqual({ locale, valid: true, defaulted: false });
  });

  it.each([undefined, null, '', '   '])('defaults to en-US when nothing is given (%j)', (raw) => {
    expect(normalizeLocale(raw)).toEqual({ locale: 'en-US', valid: true, defaulted: true });
    expect(DEFAULT_LOCALE).toBe('en-US');
  });

  it.each([
    'english',
    'en--US',
    'en-US-',
    'en US',
    'zz-ZZ',
    'und',
    'x-private',
    'i-klingon',
    '123',
    'a',
    '🇺🇸',
    'en-US\u0000',
    'en-US'.repeat(2_000),
  ])('defaults to en-US and flags an unusable %j', (raw) => {
    const result = normalizeLocale(raw);
    expect(result).toMatchObject({ locale: 'en-US', valid: false, defaulted: true });
    expect(result.reason).toMatch(/en-US/);
  });
});

describe('weekendDays', () => {
  it.each([
    ['en-US', [6, 7]],
    ['en_US', [6, 7]],
    ['he-IL', [5, 6]],
    ['he', [5, 6]],
    ['iw-IL', [5, 6]],
    ['en-IL', [5, 6]],
    ['ar-SA', [5, 6]],
    ['fa-IR', [5]],
    ['hi-IN', [7]],
    ['de-DE', [6, 7]],
    [undefined, [6, 7]],
    ['', [6, 7]],
    ['not a locale', [6, 7]],
  ])('%j → %j', (locale, days) => {
    expect(weekendDays(locale)).toEqual(days);
  });
});
