import { describe, expect, it } from 'vitest';
import { placeLookupKey } from '../../../shared/profile/lookup-key.js';

describe('placeLookupKey', () => {
  it.each([
    ['Côte d’Ivoire', "cote d'ivoire"],
    ['CÔTE D IVOIRE', "Cote d'Ivoire"],
    ["Stavropol'skiy kray", 'Stavropol’skiy Kray'],
    ['  New   South\tWales ', 'new south wales'],
    ['Newfoundland & Labrador', 'Newfoundland and Labrador'],
    ['St. Lucia', 'Saint Lucia'],
    ['The Bahamas', 'Bahamas'],
    ['U.S.A.', 'USA'],
    ['São Paulo', 'Sao Paulo'],
    ['Kabardino-Balkaria', 'Kabardino Balkaria'],
    ['North Ossetia–Alania', 'north ossetia alania'],
  ])('%j and %j share a key', (a, b) => {
    expect(placeLookupKey(a)).toBe(placeLookupKey(b));
  });

  it.each([
    ['Niger', 'Nigeria'],
    ['Dominica', 'Dominican Republic'],
    ['Mexico', 'Mexico City'],
    ['Stavropol', 'Saint avropol'],
    ['Theodore', 'odore'],
  ])('%j and %j do not', (a, b) => {
    expect(placeLookupKey(a)).not.toBe(placeLookupKey(b));
  });

  it('is lower case, single-spaced, without accents or punctuation', () => {
    expect(placeLookupKey('  Ciudad de MÉXICO (CDMX)! ')).toBe('ciudad de mexico cdmx');
    expect(placeLookupKey('')).toBe('');
    expect(placeLookupKey(' - ')).toBe('');
  });
});
