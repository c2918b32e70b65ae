import { describe, expect, it } from 'vitest';
import { etagOf } from '../../../../shared/scim/etag.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { toScimUser, userLocation } from '../../../../shared/scim/resources/user-resource.js';
import { teamMemberRecord } from '../../support/records.js';

const BASE = 'https://roster.test';

describe('toScimUser', () => {
  it('shapes a member as a full SCIM User', () => {
    const member = teamMemberRecord({ groupIds: ['g-1'] });
    expect(toScimUser(member, BASE)).toEqual({
      schemas: [USER_SCHEMA, ROSTER_USER_SCHEMA],
      id: 'u-1',
      ...member.attributes,
      userName: 'jane.doe@example.com',
      active: true,
      groups: [{ value: 'g-1', $ref: `${BASE}/scim/v2/Groups/g-1`, type: 'direct' }],
      [ROSTER_USER_SCHEMA]: { resolvedTimeZone: 'America/New_York', timeZoneSource: 'companyDefault', managerResolution: 'none' },
      meta: {
        resourceType: 'User',
        created: member.createdAt,
        lastModified: member.updatedAt,
        location: `${BASE}/scim/v2/Users/u-1`,
        version: etagOf(3),
      },
    });
  });

  it('merges the stored Roster extension with the read-only resolved fields and the manager id', () => {
    const member = teamMemberRecord({
      managerId: 'u-0',
      attributes: { userName: 'x', [ROSTER_USER_SCHEMA]: { country: 'FR', managerEmail: 'boss@example.com' } },
      resolved: { resolvedTimeZone: 'Europe/Paris', timeZoneSource: 'country', managerResolution: 'email', issues: [{ field: 'locale', reason: 'r' }] },
    });
    expect(toScimUser(member, BASE)[ROSTER_USER_SCHEMA]).toEqual({
      country: 'FR',
      managerEmail: 'boss@example.com',
      resolvedTimeZone: 'Europe/Paris',
      timeZoneSource: 'country',
      managerId: 'u-0',
      managerResolution: 'email',
    });
  });

  it('declares the enterprise extension only when the member has it', () => {
    expect(toScimUser(teamMemberRecord(), BASE).schemas).not.toContain(ENTERPRISE_USER_SCHEMA);
    const withEnterprise = teamMemberRecord({ attributes: { [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '42' } } });
    expect(toScimUser(withEnterprise, BASE).schemas).toEqual([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA]);
  });

  it('takes userName and active from the record, not from the stored attributes', () => {
    const member = teamMemberRecord({ userName: 'new@example.com', active: false, attributes: { userName: 'old@example.com', active: true } });
    expect(toScimUser(member, BASE)).toMatchObject({ userName: 'new@example.com', active: false });
  });

  it('lists no groups as an empty list', () => {
    expect(toScimUser(teamMemberRecord(), BASE).groups).toEqual([]);
  });

  it('escapes ids in every URL it builds', () => {
    const user = toScimUser(teamMemberRecord({ id: 'a/b?c', groupIds: ['g/1#x'] }), BASE);
    expect((user.meta as { location: string }).location).toBe(`${BASE}/scim/v2/Users/a%2Fb%3Fc`);
    expect(user.groups).toEqual([{ value: 'g/1#x', $ref: `${BASE}/scim/v2/Groups/g%2F1%23x`, type: 'direct' }]);
  });

  it('does not change the record', () => {
    const member = teamMemberRecord({ attributes: { [ROSTER_USER_SCHEMA]: { country: 'FR' } } });
    const copy = structuredClone(member);
    toScimUser(member, BASE);
    expect(member).toEqual(copy);
  });
});

describe('userLocation', () => {
  it.each([
    ['u-1', `${BASE}/scim/v2/Users/u-1`],
    ['é 1', `${BASE}/scim/v2/Users/%C3%A9%201`],
    ['../admin', `${BASE}/scim/v2/Users/..%2Fadmin`],
  ])('%s → %s', (id, location) => {
    expect(userLocation(BASE, id)).toBe(location);
  });
});
