import { describe, expect, it } from 'vitest';
import { parseGroupBody } from '../../../../shared/scim/resources/group-input.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { guardObjectPrototype } from '../../support/prototype.js';
import { errorOf } from '../support.js';

const body = (extra: Record<string, unknown> = {}) => ({ schemas: [GROUP_SCHEMA], displayName: 'Sales', ...extra });

describe('parseGroupBody', () => {
  guardObjectPrototype();

  it.each([
    ["Okta's empty group", body({ members: [] }), { displayName: 'Sales', memberIds: [] }],
    ["Okta's filled group", body({ members: [{ value: 'u-1', display: 'jane.doe@example.com' }] }), { displayName: 'Sales', memberIds: ['u-1'] }],
    ['no members at all (PUT keeps them)', body(), { displayName: 'Sales' }],
    ['null members (cleared)', body({ members: null }), { displayName: 'Sales', memberIds: [] }],
    ['an externalId', body({ externalId: ' ext-1 ' }), { displayName: 'Sales', externalId: 'ext-1' }],
    ['a null externalId (unassigned)', body({ externalId: null }), { displayName: 'Sales' }],
    ['a trimmed name', body({ displayName: '  Sales EMEA \n' }), { displayName: 'Sales EMEA' }],
    ['a unicode name', body({ displayName: 'Ventes — Île-de-France 🇫🇷' }), { displayName: 'Ventes — Île-de-France 🇫🇷' }],
    ['duplicate and padded member ids', body({ members: [{ value: 'u-1' }, { value: ' u-1 ' }, { value: 'u-2', type: 'User' }] }), { displayName: 'Sales', memberIds: ['u-1', 'u-2'] }],
    ['read-only attributes Okta echoes', body({ id: 'g-9', meta: { version: 'W/"1"' }, members: [{ value: 'u-1', $ref: 'https://x/Users/u-1' }] }), { displayName: 'Sales', memberIds: ['u-1'] }],
    ['any case', { schemas: [GROUP_SCHEMA.toUpperCase()], DISPLAYNAME: 'Sales', Members: [{ VALUE: 'u-1' }] }, { displayName: 'Sales', memberIds: ['u-1'] }],
  ])('%s', (_label, input, expected) => {
    expect(parseGroupBody(input)).toEqual(expected);
  });

  it('accepts 10 000 members and refuses one more', () => {
    const members = (count: number) => Array.from({ length: count }, (_, index) => ({ value: `u-${index}` }));
    expect(parseGroupBody(body({ members: members(10_000) })).memberIds).toHaveLength(10_000);
    expect(errorOf(() => parseGroupBody(body({ members: members(10_001) })))).toMatchObject({ status: 400, scimType: 'invalidValue' });
  });

  it.each([
    ['a string body', 'Sales', 'invalidSyntax', /JSON object/],
    ['an array body', [body()], 'invalidSyntax', /JSON object/],
    ['no displayName', { schemas: [GROUP_SCHEMA] }, 'invalidValue', /^Invalid displayName/],
    ['a blank displayName', body({ displayName: '   ' }), 'invalidValue', /displayName is required/],
    ['a displayName of 257 characters', body({ displayName: 'x'.repeat(257) }), 'invalidValue', /^Invalid displayName/],
    ['no schemas', { displayName: 'Sales' }, 'invalidValue', /^Invalid schemas/],
    ['empty schemas', { schemas: [], displayName: 'Sales' }, 'invalidValue', /^Invalid schemas/],
    ['the User schema', { schemas: [USER_SCHEMA], displayName: 'Sales' }, 'invalidValue', /Unknown schema URN.*User/],
    ['a member without value', body({ members: [{ display: 'jane' }] }), 'invalidValue', /members\.0\.value/],
    ['a blank member value', body({ members: [{ value: ' ' }] }), 'invalidValue', /non-empty "value"/],
    ['a member given as a bare id', body({ members: ['u-1'] }), 'invalidValue', /members\.0/],
    ['a nested group', body({ members: [{ value: 'g-2', type: 'Group' }] }), 'invalidValue', /nested groups are not supported/],
    ['a nested GROUP', body({ members: [{ value: 'g-2', type: 'GROUP' }] }), 'invalidValue', /nested groups are not supported/],
    ['an empty externalId', body({ externalId: '' }), 'invalidValue', /^Invalid externalId/],
  ])('refuses %s', (_label, input, scimType, detail) => {
    const error = errorOf(() => parseGroupBody(input));
    expect(error).toMatchObject({ status: 400, scimType });
    expect(error.detail).toMatch(detail);
  });

  it('ignores "__proto__" keys, at the top and in members', () => {
    const parsed = parseGroupBody(
      JSON.parse(`{"schemas":["${GROUP_SCHEMA}"],"displayName":"S","__proto__":{"polluted":true},"members":[{"value":"u-1","__proto__":{"polluted":true,"type":"Group"}}]}`),
    );
    expect(parsed).toEqual({ displayName: 'S', memberIds: ['u-1'] });
  });
});
