import { describe, expect, it } from 'vitest';
import { parseUserBody } from '../../../../shared/scim/resources/user-input.js';
import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { guardObjectPrototype } from '../../support/prototype.js';
import { errorOf } from '../support.js';

const body = (extra: Record<string, unknown> = {}) => ({ schemas: [USER_SCHEMA], userName: 'jane.doe@example.com', ...extra });
const attributesOf = (extra: Record<string, unknown>) => parseUserBody(body(extra)).attributes;

describe('parseUserBody', () => {
  guardObjectPrototype();

  it("keeps what Okta's create sends, and drops the password and read-only attributes", () => {
    const parsed = parseUserBody({
      schemas: [USER_SCHEMA],
      userName: 'jane.doe@example.com',
      name: { givenName: 'Jane', familyName: 'Doe' },
      emails: [{ primary: true, value: 'jane.doe@example.com', type: 'work' }],
      displayName: 'Jane Doe',
      locale: 'en_US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
      id: 'client-chosen',
      meta: { resourceType: 'User' },
    });
    expect(parsed).toEqual({
      userName: 'jane.doe@example.com',
      externalId: '00ujl29u0le5T6Aj10h7',
      active: true,
      attributes: {
        userName: 'jane.doe@example.com',
        externalId: '00ujl29u0le5T6Aj10h7',
        name: { givenName: 'Jane', familyName: 'Doe' },
        emails: [{ value: 'jane.doe@example.com', type: 'work', primary: true }],
        displayName: 'Jane Doe',
        locale: 'en_US',
        active: true,
      },
    });
  });

  it('matches attribute names and extension URNs case-insensitively', () => {
    const parsed = parseUserBody({
      schemas: [USER_SCHEMA.toUpperCase(), ENTERPRISE_USER_SCHEMA.toLowerCase()],
      USERNAME: 'a',
      Name: { GIVENNAME: 'Jane' },
      [ENTERPRISE_USER_SCHEMA.toUpperCase()]: { EmployeeNumber: '42' },
    });
    expect(parsed.attributes).toEqual({ userName: 'a', name: { givenName: 'Jane' }, [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '42' }, active: true });
  });

  describe('active', () => {
    it.each([
      [undefined, true],
      [true, true],
      [false, false],
      ['False', false],
      ['TRUE', true],
      [null, true],
    ])('%j → %s', (active, expected) => {
      const parsed = parseUserBody(body(active === undefined ? {} : { active }));
      expect(parsed.active).toBe(expected);
      expect(parsed.attributes.active).toBe(expected);
    });

    it.each([['no'], [0], [1], ['']])('%j is 400 invalidValue', (active) => {
      expect(errorOf(() => parseUserBody(body({ active })))).toMatchObject({ status: 400, scimType: 'invalidValue', detail: 'Invalid active: must be true or false.' });
    });
  });

  it('trims text values', () => {
    const parsed = parseUserBody(body({ userName: '  jane@example.com \t', externalId: ' x ', title: '  Engineer ', name: { givenName: ' Jane ' } }));
    expect(parsed).toMatchObject({ userName: 'jane@example.com', externalId: 'x' });
    expect(parsed.attributes).toMatchObject({ title: 'Engineer', name: { givenName: 'Jane' } });
  });

  it('reads a manager given as a bare string', () => {
    expect(attributesOf({ [ENTERPRISE_USER_SCHEMA]: { manager: 'u-0' } })[ENTERPRISE_USER_SCHEMA]).toEqual({ manager: { value: 'u-0' } });
  });

  it('keeps only the writable Roster extension attributes', () => {
    const roster = { managerEmail: 'boss@example.com', country: 'FR', resolvedTimeZone: 'Europe/Paris', managerId: 'u-0', timeZoneSource: 'country' };
    expect(attributesOf({ [ROSTER_USER_SCHEMA]: roster })[ROSTER_USER_SCHEMA]).toEqual({ managerEmail: 'boss@example.com', country: 'FR' });
  });

  it('does not store empty lists and empty extension objects', () => {
    const attributes = attributesOf({ emails: [], phoneNumbers: [], name: {}, [ENTERPRISE_USER_SCHEMA]: {}, [ROSTER_USER_SCHEMA]: { resolvedTimeZone: 'UTC' } });
    expect(attributes).toEqual({ userName: 'jane.doe@example.com', active: true });
  });

  it('treats null as unassigned (RFC 7643 §2.5), at any depth', () => {
    const attributes = attributesOf({ title: null, externalId: null, name: { givenName: 'Jane', middleName: null }, emails: [{ value: 'a@example.com', display: null }] });
    expect(attributes).toEqual({ userName: 'jane.doe@example.com', name: { givenName: 'Jane' }, emails: [{ value: 'a@example.com' }], active: true });
  });

  it('keeps unicode as given', () => {
    expect(attributesOf({ name: { givenName: 'Zoë', familyName: '山田' }, title: '👩‍💻' })).toMatchObject({ name: { givenName: 'Zoë', familyName: '山田' }, title: '👩‍💻' });
  });

  describe('refuses', () => {
    it.each([
      ['a string body', 'userName=a', 'invalidSyntax', /JSON object/],
      ['an array body', [body()], 'invalidSyntax', /JSON object/],
      ['null', null, 'invalidSyntax', /JSON object/],
      ['no schemas', { userName: 'a' }, 'invalidValue', /^Invalid schemas/],
      ['empty schemas', { schemas: [], userName: 'a' }, 'invalidValue', /must include urn:ietf:params:scim:schemas:core:2\.0:User/],
      ['only an extension URN', { schemas: [ENTERPRISE_USER_SCHEMA], userName: 'a' }, 'invalidValue', /must include/],
      ['an unknown schema URN', { schemas: [USER_SCHEMA, GROUP_SCHEMA], userName: 'a' }, 'invalidValue', /Unknown schema URN.*Group/],
      ['a non-string schema', { schemas: [USER_SCHEMA, 5], userName: 'a' }, 'invalidValue', /Unknown schema URN in schemas: 5/],
      ['no userName', { schemas: [USER_SCHEMA] }, 'invalidValue', /^Invalid userName/],
      ['a blank userName', body({ userName: ' \t ' }), 'invalidValue', /userName is required/],
      ['a null userName', body({ userName: null }), 'invalidValue', /^Invalid userName/],
      ['a numeric userName', body({ userName: 42 }), 'invalidValue', /^Invalid userName/],
      ['a userName of 257 characters', body({ userName: 'a'.repeat(257) }), 'invalidValue', /^Invalid userName/],
      ['a huge title', body({ title: 'x'.repeat(1025) }), 'invalidValue', /^Invalid title/],
      ['51 emails', body({ emails: Array.from({ length: 51 }, (_, index) => ({ value: `${index}@example.com` })) }), 'invalidValue', /^Invalid emails/],
      ['an email without value', body({ emails: [{ type: 'work' }] }), 'invalidValue', /^Invalid emails\.0\.value/],
      ['an empty email', body({ emails: [{ value: '  ' }] }), 'invalidValue', /^Invalid emails\.0\.value/],
      ['an email primary flag that is not boolean', body({ emails: [{ value: 'a@example.com', primary: 'yes' }] }), 'invalidValue', /emails\.0\.primary/],
      ['a name that is a string', body({ name: 'Jane Doe' }), 'invalidValue', /^Invalid name/],
      ['an empty externalId', body({ externalId: '' }), 'invalidValue', /^Invalid externalId/],
    ])('%s', (_label, input, scimType, detail) => {
      const error = errorOf(() => parseUserBody(input));
      expect(error).toMatchObject({ status: 400, scimType });
      expect(error.detail).toMatch(detail);
    });
  });

  describe('"__proto__" in a parsed body', () => {
    it.each([
      ['top level', `{"schemas":["${USER_SCHEMA}"],"userName":"a","__proto__":{"polluted":true,"active":false}}`],
      ['in name', `{"schemas":["${USER_SCHEMA}"],"userName":"a","name":{"__proto__":{"polluted":true}}}`],
      ['in an email', `{"schemas":["${USER_SCHEMA}"],"userName":"a","emails":[{"value":"a@example.com","__proto__":{"polluted":true,"primary":true}}]}`],
      ['in an extension', `{"schemas":["${USER_SCHEMA}"],"userName":"a","${ROSTER_USER_SCHEMA}":{"__proto__":{"polluted":true,"country":"FR"}}}`],
    ])('%s: ignored, nothing polluted', (_label, json) => {
      const parsed = parseUserBody(JSON.parse(json));
      expect(parsed.active).toBe(true);
      expect(JSON.stringify(parsed)).not.toMatch(/polluted|primary|country/);
    });
  });
});
