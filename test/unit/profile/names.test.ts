import { describe, expect, it } from 'vitest';
import { MAX_FULL_NAME_KEY_LENGTH, fullNameKey, normalizeFullName } from '../../../shared/profile/names.js';

describe('normalizeFullName', () => {
  it.each([
    ['John', 'Doe', 'John Doe'],
    ['  John ', ' Doe  ', 'John Doe'],
    ['Mary  Ann', 'van\tder\u00a0Berg', 'Mary Ann van der Berg'],
    ['José', 'Núñez', 'José Núñez'],
    ['Jose\u0301', 'Nu\u0301n\u0303ez', 'José Núñez'],
    ['JOHN', 'doe', 'JOHN doe'],
    ['\u200bJohn\ufeff', 'Doe\u0007', 'John Doe'],
    ['John', '', 'John'],
    ['', 'Doe', 'Doe'],
    [null, 'Doe', 'Doe'],
    ['John', undefined, 'John'],
    ['李', '小龍', '李 小龍'],
  ])('%j + %j → %j', (given, family, fullName) => {
    expect(normalizeFullName(given, family)).toBe(fullName);
  });

  it('composes accents (NFC)', () => {
    expect(normalizeFullName('Jose\u0301', 'Nu\u0301n\u0303ez')).toBe('Jos\u00e9 N\u00fa\u00f1ez');
  });

  it.each([
    [undefined, undefined],
    [null, null],
    ['', ''],
    ['   ', '\t\n'],
    ['\u200b', '\ufeff'],
  ])('is undefined when both parts are blank (%j, %j)', (given, family) => {
    expect(normalizeFullName(given, family)).toBeUndefined();
  });
});

describe('fullNameKey', () => {
  describe('gives the same key to the same name however it is typed', () => {
    it.each([
      ['John Doe', 'john doe'],
      ['  JOHN   DOE ', 'John Doe'],
      ['John\tDoe', 'john\u00a0doe'],
      ['José Núñez', 'JOSÉ NÚÑEZ'],
      ['José Núñez', 'jose\u0301 nu\u0301n\u0303ez'],
      ['JOSE\u0301 NU\u0301N\u0303EZ', 'josé núñez'],
      ['Straße', 'STRASSE'],
      ['İpek Yılmaz', 'IPEK YILMAZ'],
      ['ΟΔΥΣΣΕΑΣ', 'Οδυσσεας'],
      ['John\u200b Doe', 'John Doe'],
    ])('%j = %j', (a, b) => {
      expect(fullNameKey(a)).toBe(fullNameKey(b));
    });
  });

  it('matches a Manager Full Name against given + family name', () => {
    expect(fullNameKey(' JOSÉ   NÚÑEZ ')).toBe(fullNameKey(normalizeFullName('José', 'Núñez')));
    expect(fullNameKey('josé núñez')).toBe('josé núñez');
  });

  describe('keeps different names apart', () => {
    it.each([
      ['José Núñez', 'Jose Nunez'],
      ['John Doe', 'John Doe Jr'],
      ['John Doe', 'JohnDoe'],
      ['Ann Lee', 'Anne Lee'],
    ])('%j ≠ %j', (a, b) => {
      expect(fullNameKey(a)).not.toBe(fullNameKey(b));
    });
  });

  it.each([undefined, null, '', '   ', '\u200b\ufeff'])('is undefined for a blank name (%j)', (name) => {
    expect(fullNameKey(name)).toBeUndefined();
  });

  it('stays short enough for a DynamoDB key, without splitting a character', () => {
    const long = fullNameKey('Ab '.repeat(5_000));
    expect(Array.from(long ?? '').length).toBeLessThanOrEqual(MAX_FULL_NAME_KEY_LENGTH);
    expect(long).toMatch(/^(ab ?)+$/);

    const emoji = fullNameKey('😀'.repeat(10_000)) ?? '';
    expect(Array.from(emoji)).toHaveLength(MAX_FULL_NAME_KEY_LENGTH);
    expect(emoji).not.toMatch(/[\ud800-\udbff]$/);
    expect(new TextEncoder().encode(emoji).length).toBeLessThanOrEqual(1024);
  });
});
