import { describe, expect, it } from 'vitest';
import { listResponse } from '../../../shared/scim/list-response.js';
import { LIST_RESPONSE } from '../../../shared/scim/schema/urns.js';

describe('listResponse', () => {
  it("answers an empty search exactly as Okta expects", () => {
    expect(listResponse([], 0, 1)).toEqual({ schemas: [LIST_RESPONSE], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });

  it('counts the page, not the total', () => {
    const page = listResponse([{ id: 'a' }, { id: 'b' }], 250, 101);
    expect(page).toMatchObject({ totalResults: 250, startIndex: 101, itemsPerPage: 2, Resources: [{ id: 'a' }, { id: 'b' }] });
    for (const counter of ['totalResults', 'startIndex', 'itemsPerPage'] as const) expect(Number.isInteger(page[counter])).toBe(true);
  });

  it.each([
    ['a cursor page with more to come', 'next-1', 'next-1'],
    ['the last cursor page', undefined, undefined],
    ['an empty next cursor', '', undefined],
  ])('%s: no startIndex, nextCursor only while more pages remain', (_label, nextCursor, expected) => {
    const page = listResponse([{ id: 'a' }], 3, undefined, nextCursor);
    expect(page).not.toHaveProperty('startIndex');
    expect(Object.hasOwn(page, 'nextCursor')).toBe(expected !== undefined);
    expect(page.nextCursor).toBe(expected);
  });

  it('keeps the order of the resources', () => {
    const resources = Array.from({ length: 100 }, (_, index) => ({ id: `u-${index}` }));
    expect(listResponse(resources, 1000, 1).Resources).toEqual(resources);
  });
});
