import { describe, expect, it } from 'vitest';
import { etagOf, expectedVersion, matchesIfNoneMatch } from '../../../shared/scim/etag.js';
import { errorOf } from './support.js';

describe('etagOf', () => {
  it.each([
    [1, 'W/"1"'],
    [42, 'W/"42"'],
    [999_999_999_999_999, 'W/"999999999999999"'],
  ])('version %d → %s', (version, etag) => {
    expect(etagOf(version)).toBe(etag);
  });

  it('round-trips through If-Match', () => {
    expect(expectedVersion(etagOf(7))).toBe(7);
  });
});

describe('expectedVersion (If-Match)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['*', undefined],
    [' * ', undefined],
    ['W/"3"', 3],
    ['"3"', 3],
    ['  W/"12"  ', 12],
    ['W/"0"', 0],
    ['W/"000000000000005"', 5],
  ])('%j → %j', (header, version) => {
    expect(expectedVersion(header)).toBe(version);
  });

  it.each([
    ['not one of ours', 'W/"abc"'],
    ['unquoted', 'W/3'],
    ['bare number', '3'],
    ['lower-case weak marker (RFC 7232: case-sensitive)', 'w/"3"'],
    ['negative', 'W/"-1"'],
    ['decimal', 'W/"1.5"'],
    ['exponent', 'W/"1e3"'],
    ['16 digits (beyond a safe version counter)', `W/"${'9'.repeat(16)}"`],
    ['full-width digits', 'W/"３"'],
    ['two ETags', 'W/"3", W/"4"'],
    ['the same ETag twice', 'W/"3", W/"3"'],
    ['an ETag and a stranger', 'W/"3", "x"'],
    ['trailing comma', 'W/"3",'],
    ['whitespace only', '   '],
    ['a wildcard inside a list', 'W/"3", *'],
  ])('%s is 412', (_label, header) => {
    const error = errorOf(() => expectedVersion(header));
    expect(error.status).toBe(412);
    expect(error.detail).toMatch(/If-Match/);
  });
});

describe('matchesIfNoneMatch', () => {
  it.each([
    [undefined, 3, false],
    ['', 3, false],
    ['*', 3, true],
    [' * ', 0, true],
    ['W/"3"', 3, true],
    ['"3"', 3, true],
    ['W/"2"', 3, false],
    ['W/"2", W/"3"', 3, true],
    ['W/"2",W/"4"', 3, false],
    ['  W/"3"  ', 3, true],
    ['W/"03"', 3, false],
    ['W/"3" junk', 3, false],
    ['W/"33"', 3, false],
  ])('%j with version %d → %s', (header, version, matches) => {
    expect(matchesIfNoneMatch(header, version)).toBe(matches);
  });
});
