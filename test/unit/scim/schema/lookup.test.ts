import { describe, expect, it } from 'vitest';
import { canonicalPath, findExtension, findSchema, resolveAttributePath } from '../../../../shared/scim/schema/lookup.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';

const describePath = (text: string, resourceSchema = USER_RESOURCE_SCHEMA) => {
  const resolved = resolveAttributePath(resourceSchema, text);
  if (!resolved) return undefined;
  if (resolved.kind === 'schema') return { schema: resolved.schema.id };
  return { schema: resolved.schema.id, attribute: resolved.attribute.name, subAttribute: resolved.subAttribute?.name };
};

describe('resolveAttributePath', () => {
  it.each<[string, object]>([
    ['userName', { schema: USER_SCHEMA, attribute: 'userName' }],
    ['USERNAME', { schema: USER_SCHEMA, attribute: 'userName' }],
    ['name.givenName', { schema: USER_SCHEMA, attribute: 'name', subAttribute: 'givenName' }],
    ['NAME.GIVENNAME', { schema: USER_SCHEMA, attribute: 'name', subAttribute: 'givenName' }],
    ['emails.value', { schema: USER_SCHEMA, attribute: 'emails', subAttribute: 'value' }],
    ['groups.$ref', { schema: USER_SCHEMA, attribute: 'groups', subAttribute: '$ref' }],
    ['meta.lastModified', { schema: USER_SCHEMA, attribute: 'meta', subAttribute: 'lastModified' }],
    ['schemas', { schema: USER_SCHEMA, attribute: 'schemas' }],
    [`${USER_SCHEMA}:userName`, { schema: USER_SCHEMA, attribute: 'userName' }],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value`, { schema: ENTERPRISE_USER_SCHEMA, attribute: 'manager', subAttribute: 'value' }],
    [`${ENTERPRISE_USER_SCHEMA.toLowerCase()}:Manager`, { schema: ENTERPRISE_USER_SCHEMA, attribute: 'manager' }],
    [`${ROSTER_USER_SCHEMA}:managerResolution`, { schema: ROSTER_USER_SCHEMA, attribute: 'managerResolution' }],
    [ENTERPRISE_USER_SCHEMA, { schema: ENTERPRISE_USER_SCHEMA }],
    [ROSTER_USER_SCHEMA.toUpperCase(), { schema: ROSTER_USER_SCHEMA }],
  ])('finds %s', (text, expected) => {
    expect(describePath(text)).toEqual({ subAttribute: undefined, ...expected });
  });

  it.each([
    'shoeSize',
    'name.maidenName',
    'userName.value',
    'urn:example:params:unknown:1.0:User:userName',
    `${ENTERPRISE_USER_SCHEMA}:userName`,
    `${USER_SCHEMA}:employeeNumber`,
    'members',
    'not a path',
  ])('does not find %s on a User', (text) => {
    expect(resolveAttributePath(USER_RESOURCE_SCHEMA, text)).toBeUndefined();
  });

  it('resolves Group attributes against the Group schema', () => {
    expect(describePath('members.value', GROUP_RESOURCE_SCHEMA)).toEqual({ schema: GROUP_SCHEMA, attribute: 'members', subAttribute: 'value' });
    expect(describePath('displayName', GROUP_RESOURCE_SCHEMA)).toMatchObject({ attribute: 'displayName' });
    expect(describePath('userName', GROUP_RESOURCE_SCHEMA)).toBeUndefined();
    expect(describePath(ENTERPRISE_USER_SCHEMA, GROUP_RESOURCE_SCHEMA)).toBeUndefined();
  });

  it('takes a parsed path as well as text', () => {
    expect(resolveAttributePath(USER_RESOURCE_SCHEMA, { attribute: 'NAME', subAttribute: 'familyname' })).toMatchObject({
      attribute: { name: 'name' },
      subAttribute: { name: 'familyName' },
    });
  });
});

describe('canonicalPath', () => {
  it.each<[string, string]>([
    ['USERNAME', 'userName'],
    ['name.GIVENNAME', 'name.givenName'],
    [`${USER_SCHEMA}:emails.value`, 'emails.value'],
    [`${ENTERPRISE_USER_SCHEMA.toLowerCase()}:MANAGER.value`, `${ENTERPRISE_USER_SCHEMA}:manager.value`],
    [ROSTER_USER_SCHEMA.toLowerCase(), ROSTER_USER_SCHEMA],
  ])('%s → %s', (text, canonical) => {
    expect(canonicalPath(USER_RESOURCE_SCHEMA, resolveAttributePath(USER_RESOURCE_SCHEMA, text)!)).toBe(canonical);
  });
});

describe('findSchema / findExtension', () => {
  it('find core and extension schemas case-insensitively; findExtension skips the core', () => {
    expect(findSchema(USER_RESOURCE_SCHEMA, USER_SCHEMA.toUpperCase())?.id).toBe(USER_SCHEMA);
    expect(findSchema(USER_RESOURCE_SCHEMA, ENTERPRISE_USER_SCHEMA)?.id).toBe(ENTERPRISE_USER_SCHEMA);
    expect(findExtension(USER_RESOURCE_SCHEMA, USER_SCHEMA)).toBeUndefined();
    expect(findExtension(USER_RESOURCE_SCHEMA, ROSTER_USER_SCHEMA.toLowerCase())?.id).toBe(ROSTER_USER_SCHEMA);
    expect(findSchema(GROUP_RESOURCE_SCHEMA, USER_SCHEMA)).toBeUndefined();
  });
});
