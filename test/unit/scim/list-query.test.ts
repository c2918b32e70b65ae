import { describe, expect, it } from 'vitest';
import { parseListQuery } from '../../../shared/scim/list-query.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../shared/scim/service-provider-config.js';
import { errorOf } from './support.js';

describe('parseListQuery', () => {
  it('defaults to the first page of the default size', () => {
    expect(parseListQuery({})).toEqual({ startIndex: 1, count: DEFAULT_PAGE_SIZE });
  });

  it("reads Okta's connection test and userName lookup", () => {
    expect(parseListQuery({ startIndex: '1', count: '2' })).toEqual({ startIndex: 1, count: 2 });
    expect(parseListQuery({ filter: 'userName eq "jane.doe@example.com"', startIndex: '1', count: '100' })).toEqual({
      filter: 'userName eq "jane.doe@example.com"',
      startIndex: 1,
      count: 100,
    });
  });

  describe('clamps per RFC 7644 §3.4.2.4', () => {
    it.each([
      [{ startIndex: '0' }, 1, DEFAULT_PAGE_SIZE],
      [{ startIndex: '-5' }, 1, DEFAULT_PAGE_SIZE],
      [{ startIndex: '101' }, 101, DEFAULT_PAGE_SIZE],
      [{ startIndex: '999999999999' }, 999_999_999_999, DEFAULT_PAGE_SIZE],
      [{ count: '0' }, 1, 0],
      [{ count: '-1' }, 1, 0],
      [{ count: '-0' }, 1, 0],
      [{ count: String(MAX_PAGE_SIZE) }, 1, MAX_PAGE_SIZE],
      [{ count: String(MAX_PAGE_SIZE + 1) }, 1, MAX_PAGE_SIZE],
      [{ count: '999999999999' }, 1, MAX_PAGE_SIZE],
      [{ startIndex: ' 7 ', count: ' 3 ' }, 7, 3],
      [{ startIndex: '', count: '  ' }, 1, DEFAULT_PAGE_SIZE],
      [{ startIndex: undefined, count: undefined }, 1, DEFAULT_PAGE_SIZE],
    ])('%j → startIndex %d, count %d', (query, startIndex, count) => {
      expect(parseListQuery(query)).toMatchObject({ startIndex, count });
    });

    it('never returns -0 as a count', () => {
      expect(Object.is(parseListQuery({ count: '-0' }).count, 0)).toBe(true);
    });
  });

  it.each([
    ['startIndex', 'abc'],
    ['startIndex', '1.5'],
    ['startIndex', '1e3'],
    ['startIndex', '0x10'],
    ['startIndex', '+5'],
    ['count', '١٠'],
    ['count', '10 20'],
    ['count', 'Infinity'],
    ['count', 'NaN'],
  ])('%s=%j is 400 invalidValue', (name, value) => {
    const error = errorOf(() => parseListQuery({ [name]: value }));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidValue' });
    expect(error.detail).toContain(name);
  });

  describe('cursor paging (RFC 9865)', () => {
    it('keeps an empty cursor (first page) and a given one', () => {
      expect(parseListQuery({ cursor: '' })).toEqual({ startIndex: 1, count: DEFAULT_PAGE_SIZE, cursor: '' });
      expect(parseListQuery({ cursor: 'abc', count: '10' })).toEqual({ startIndex: 1, count: 10, cursor: 'abc' });
    });

    it('refuses cursor and startIndex together', () => {
      expect(errorOf(() => parseListQuery({ cursor: '', startIndex: '1' }))).toMatchObject({ status: 400, scimType: 'invalidValue' });
    });
  });

  it('passes the filter through untouched, even empty or hostile (the filter parser judges it)', () => {
    for (const filter of ['', '   ', 'userName eq "ünïcödé"', 'x'.repeat(10_000)]) {
      expect(parseListQuery({ filter }).filter).toBe(filter);
    }
  });
});
