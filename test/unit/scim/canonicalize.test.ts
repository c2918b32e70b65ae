import { describe, expect, it } from 'vitest';
import { canonicalizeResource } from '../../../shared/scim/canonicalize.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA } from '../../../shared/scim/schema/urns.js';
import { guardObjectPrototype } from '../support/prototype.js';

const user = (resource: Record<string, unknown>) => canonicalizeResource(resource, USER_RESOURCE_SCHEMA);

describe('canonicalizeResource', () => {
  guardObjectPrototype();

  it.each([
    [{ USERNAME: 'a' }, { userName: 'a' }],
    [{ username: 'a', ACTIVE: false }, { userName: 'a', active: false }],
    [{ NAME: { GivenName: 'Jane', FAMILYNAME: 'Doe' } }, { name: { givenName: 'Jane', familyName: 'Doe' } }],
    [{ Emails: [{ VALUE: 'a@example.com', Primary: true }, 'not an object'] }, { emails: [{ value: 'a@example.com', primary: true }, 'not an object'] }],
    [{ name: 'not an object' }, { name: 'not an object' }],
    [{ PhoneNumbers: { Value: '1' } }, { phoneNumbers: { value: '1' } }],
    [{ ExternalId: 'x', Id: 'y' }, { externalId: 'x', id: 'y' }],
  ])('%j → %j', (input, expected) => {
    expect(user(input)).toEqual(expected);
  });

  it('renames extension URNs and their attributes, whatever the case', () => {
    expect(
      user({
        [ENTERPRISE_USER_SCHEMA.toUpperCase()]: { EMPLOYEENUMBER: '42', Manager: { VALUE: 'm' } },
        [ROSTER_USER_SCHEMA.toLowerCase()]: { managerfullname: 'John Doe', COUNTRY: 'FR' },
      }),
    ).toEqual({
      [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '42', manager: { value: 'm' } },
      [ROSTER_USER_SCHEMA]: { managerFullName: 'John Doe', country: 'FR' },
    });
  });

  it('leaves unknown attributes as they are (validation drops them)', () => {
    const nested = { Whatever: [1, 2] };
    expect(user({ FavouriteColour: 'teal', 'urn:example:unknown': nested, schemas: ['x'] })).toEqual({
      FavouriteColour: 'teal',
      'urn:example:unknown': nested,
      schemas: ['x'],
    });
  });

  it('does not change the input', () => {
    const input = { USERNAME: 'a', NAME: { GIVENNAME: 'J' } };
    const copy = structuredClone(input);
    user(input);
    expect(input).toEqual(copy);
  });

  it('uses the Group schema for groups', () => {
    expect(canonicalizeResource({ DisplayName: 'Sales', MEMBERS: [{ VALUE: 'u-1', Display: 'j' }] }, GROUP_RESOURCE_SCHEMA)).toEqual({
      displayName: 'Sales',
      members: [{ value: 'u-1', display: 'j' }],
    });
  });

  it('keeps unicode and huge values intact', () => {
    const huge = 'ü'.repeat(100_000);
    expect(user({ DisplayName: huge, Title: '工程师 👩‍💻' })).toEqual({ displayName: huge, title: '工程师 👩‍💻' });
  });

  describe('"__proto__" keys from JSON.parse', () => {
    const parsed = (json: string) => user(JSON.parse(json) as Record<string, unknown>);

    it.each([
      ['top level', '{"userName":"a","__proto__":{"polluted":true,"userName":"evil"}}'],
      ['inside a complex attribute', '{"userName":"a","name":{"__proto__":{"polluted":true}}}'],
      ['inside a multi-valued element', '{"userName":"a","emails":[{"value":"x","__proto__":{"polluted":true,"primary":true}}]}'],
      ['inside an extension', `{"userName":"a","${ENTERPRISE_USER_SCHEMA}":{"__proto__":{"polluted":true}}}`],
    ])('%s: dropped, never made a prototype', (_label, json) => {
      const result = parsed(json);
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect(JSON.stringify(result)).not.toContain('polluted');
      expect(result.userName).toBe('a');
    });

    it('keeps one under an unknown attribute as an own key, not a prototype', () => {
      const result = parsed('{"custom":{"__proto__":{"polluted":true}}}');
      const custom = result.custom as Record<string, unknown>;
      expect(Object.hasOwn(custom, '__proto__')).toBe(true);
      expect(Object.getPrototypeOf(custom)).toBe(Object.prototype);
    });
  });
});
