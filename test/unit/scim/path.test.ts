import { describe, expect, it } from 'vitest';
import { parsePatchPath } from '../../../shared/scim/path.js';
import { ENTERPRISE_USER_SCHEMA } from '../../../shared/scim/schema/urns.js';
import { errorOf } from './support.js';

const eq = (attribute: string, value: unknown) => ({ kind: 'comparison', path: { attribute }, operator: 'eq', value });

describe('parsePatchPath', () => {
  it.each<[string, object]>([
    ['userName', { attributePath: { attribute: 'userName' } }],
    ['  active ', { attributePath: { attribute: 'active' } }],
    ['name.givenName', { attributePath: { attribute: 'name', subAttribute: 'givenName' } }],
    ['members', { attributePath: { attribute: 'members' } }],
    ['members[value eq "2819c223"]', { attributePath: { attribute: 'members' }, filter: eq('value', '2819c223') }],
    [
      'members[value eq "a" or value eq "b"]',
      { attributePath: { attribute: 'members' }, filter: { kind: 'or', left: eq('value', 'a'), right: eq('value', 'b') } },
    ],
    // the sub-attribute after the filter is addressed inside each selected element
    ['emails[type eq "work"].value', { attributePath: { attribute: 'emails', subAttribute: 'value' }, filter: eq('type', 'work') }],
    ['EMAILS[TYPE EQ "work"].VALUE', { attributePath: { attribute: 'EMAILS', subAttribute: 'VALUE' }, filter: eq('TYPE', 'work') }],
    [
      `${ENTERPRISE_USER_SCHEMA}:manager.value`,
      { attributePath: { schema: ENTERPRISE_USER_SCHEMA, attribute: 'manager', subAttribute: 'value' } },
    ],
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber`, { attributePath: { schema: ENTERPRISE_USER_SCHEMA, attribute: 'employeeNumber' } }],
    // a bare extension URN: schema/lookup recognises it as the whole extension
    [ENTERPRISE_USER_SCHEMA, { attributePath: { schema: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0', attribute: 'User' } }],
  ])('%s', (text, expected) => {
    expect(parsePatchPath(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['', 'Invalid path: the path is empty.'],
    ['   ', 'Invalid path: the path is empty.'],
    ['emails[type eq "work"', 'Invalid path "emails[type eq "work"": unclosed "[" at position 6.'],
    ['emails[type eq work]', 'Invalid path "emails[type eq work]": "work" is not a value; strings must be in double quotes at position 15.'],
    ['name.givenName.first', 'Invalid path "name.givenName.first": "name.givenName.first" is not a valid attribute path at position 0.'],
    ['userName eq "x"', 'Invalid path "userName eq "x"": unexpected "eq"; expected "and", "or" or the end of the filter at position 9.'],
    ['emails[type eq "work"]x', 'Invalid path "emails[type eq "work"]x": unexpected "x"; expected "and", "or" or the end of the filter at position 22.'],
    ['emails[type eq "work"].value.x', 'Invalid path "emails[type eq "work"].value.x": expected a sub-attribute name after "]." but found "value.x" at position 23.'],
    [
      'name.givenName[value eq "x"]',
      'Invalid path "name.givenName[value eq "x"]": a value filter must follow an attribute, not the sub-attribute "name.givenName" at position 0.',
    ],
    ['[value eq "x"]', 'Invalid path "[value eq "x"]": expected an attribute name but found "[" at position 0.'],
  ])('rejects %j as invalidPath', (text, detail) => {
    const error = errorOf(() => parsePatchPath(text));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidPath' });
    expect(error.detail).toBe(detail);
  });

  it('rejects an oversized path', () => {
    expect(errorOf(() => parsePatchPath(`a${'b'.repeat(5000)}`)).scimType).toBe('invalidPath');
  });
});
