import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../../shared/scim/json.js';
import { changedAttributes } from '../../../../shared/scim/patch/changed-attributes.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { sampleGroup, sampleUser } from '../support.js';

describe('changedAttributes', () => {
  it('is empty when nothing changed', () => {
    expect(changedAttributes(sampleUser(), sampleUser(), USER_RESOURCE_SCHEMA)).toEqual([]);
  });

  it('lists changed, added and removed top-level attributes by canonical name', () => {
    const before = sampleUser();
    const after: JsonObject = { ...sampleUser(), active: false, timezone: 'Europe/Paris' };
    delete after.title;
    expect(changedAttributes(before, after, USER_RESOURCE_SCHEMA)).toEqual(['title', 'timezone', 'active']);
  });

  it('reports a nested change as its top-level attribute', () => {
    const after = sampleUser();
    (after.name as { givenName: string }).givenName = 'Janet';
    expect(changedAttributes(sampleUser(), after, USER_RESOURCE_SCHEMA)).toEqual(['name']);
  });

  it('names extension attributes with their URN', () => {
    const after = sampleUser();
    after[ENTERPRISE_USER_SCHEMA] = { employeeNumber: '43', manager: { value: 'u-0', displayName: 'Boss' } };
    after.schemas = [USER_SCHEMA];
    expect(changedAttributes(sampleUser(), after, USER_RESOURCE_SCHEMA)).toEqual(['schemas', `${ENTERPRISE_USER_SCHEMA}:employeeNumber`]);
  });

  it('ignores the letter case of keys', () => {
    const { displayName, ...rest } = sampleGroup();
    expect(changedAttributes(sampleGroup(), { ...rest, DISPLAYNAME: displayName }, GROUP_RESOURCE_SCHEMA)).toEqual([]);
  });
});
