import { describe, expect, it } from 'vitest';
import { toScimGroup } from '../../../../shared/scim/resources/group-resource.js';
import { GROUP_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { groupRecord } from '../../support/records.js';

const BASE = 'https://roster.test';

describe('toScimGroup', () => {
  it('shapes a group without members when they were not read', () => {
    const group = groupRecord();
    expect(toScimGroup(group, BASE)).toEqual({
      schemas: [GROUP_SCHEMA],
      id: 'g-1',
      displayName: 'Sales',
      meta: {
        resourceType: 'Group',
        created: group.createdAt,
        lastModified: group.updatedAt,
        location: `${BASE}/scim/v2/Groups/g-1`,
        version: 'W/"2"',
      },
    });
  });

  it('lists the members it is given, as users, with their display names when known', () => {
    expect(toScimGroup(groupRecord(), BASE, [{ id: 'u-1', display: 'Ada Lovelace' }, { id: 'u/2' }]).members).toEqual([
      { value: 'u-1', $ref: `${BASE}/scim/v2/Users/u-1`, type: 'User', display: 'Ada Lovelace' },
      { value: 'u/2', $ref: `${BASE}/scim/v2/Users/u%2F2`, type: 'User' },
    ]);
  });

  it('answers an empty member list as []', () => {
    expect(toScimGroup(groupRecord(), BASE, [])).toHaveProperty('members', []);
  });

  it.each([
    ['ext-1', 'ext-1'],
    ['', undefined],
    [undefined, undefined],
  ])('externalId %j → %j', (externalId, expected) => {
    const group = toScimGroup(groupRecord(externalId === undefined ? {} : { externalId }), BASE);
    expect(group.externalId).toBe(expected);
    expect(Object.hasOwn(group, 'externalId')).toBe(expected !== undefined);
  });

  it('escapes the id in its location', () => {
    expect(toScimGroup(groupRecord({ id: 'g 1/é' }), BASE).meta.location).toBe(`${BASE}/scim/v2/Groups/g%201%2F%C3%A9`);
  });
});
