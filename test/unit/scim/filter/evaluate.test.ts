import { describe, expect, it } from 'vitest';
import { compileFilter, matchesFilter } from '../../../../shared/scim/filter/evaluate.js';
import { parseFilter } from '../../../../shared/scim/filter/parse.js';
import type { JsonObject } from '../../../../shared/scim/json.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { errorOf, sampleGroup, sampleUser } from '../support.js';

const user = sampleUser();
const userMatches = (filter: string, resource: JsonObject = user) => matchesFilter(parseFilter(filter), resource, USER_RESOURCE_SCHEMA);
const groupMatches = (filter: string) => matchesFilter(parseFilter(filter), sampleGroup(), GROUP_RESOURCE_SCHEMA);

describe('matchesFilter on a User', () => {
  it.each<[string, boolean]>([
    // userName is not caseExact; id and externalId are
    ['userName eq "jane.doe@EXAMPLE.com"', true],
    ['userName eq "JANE.DOE@EXAMPLE.COM"', true],
    ['userName eq "john@example.com"', false],
    ['id eq "u-1"', true],
    ['id eq "U-1"', false],
    ['externalId eq "00ujl29u0le5T6Aj10h7"', true],
    ['externalId eq "00UJL29U0LE5T6AJ10H7"', false],
    // attribute names and URN prefixes are case-insensitive
    ['USERNAME eq "jane.doe@example.com"', true],
    ['Name.GivenName eq "jane"', true],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "jane.doe@example.com"', true],
    [`${ENTERPRISE_USER_SCHEMA.toUpperCase()}:EMPLOYEENUMBER eq "42"`, true],
  ])('%s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['displayName co "ne D"', true],
    ['displayName co "xyz"', false],
    ['displayName sw "JANE"', true],
    ['displayName sw "Doe"', false],
    ['displayName ew "doe"', true],
    ['displayName ew "Jane"', false],
    ['title gt "A"', true],
    ['title gt "Z"', false],
    ['title ge "engineer"', true],
    ['title lt "F"', true],
    ['title lt "engineer"', false],
    ['title le "ENGINEER"', true],
    ['title eq "Engineer"', true],
    ['title ne "Engineer"', false],
    ['title ne "Manager"', true],
  ])('string operator: %s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['meta.lastModified gt "2024-05-31T23:00:00Z"', true],
    ['meta.lastModified lt "2024-05-31T23:00:00Z"', false],
    // the same instant written with an offset: as strings these would compare differently
    ['meta.lastModified eq "2024-06-01T01:00:00+01:00"', true],
    ['meta.lastModified lt "2024-06-01T01:00:00+01:00"', false],
    ['meta.lastModified le "2024-06-01T01:00:00+01:00"', true],
    ['meta.lastModified ge "2024-06-01T00:00:00Z"', true],
    ['meta.created eq "2024-01-02T03:04:05Z"', true],
    ['meta.created ne "2024-01-02T03:04:05Z"', false],
  ])('dateTime: %s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['active eq true', true],
    ['active eq false', false],
    ['active ne false', true],
    ['active eq "True"', true],
    ['emails[primary eq true]', true],
    ['phoneNumbers[primary eq true]', false],
  ])('boolean: %s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['title pr', true],
    ['timezone pr', false],
    ['name pr', true],
    ['emails pr', true],
    ['addresses pr', false],
    ['groups pr', true],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value pr`, true],
    [`${ENTERPRISE_USER_SCHEMA}:manager pr`, true],
    [`${ROSTER_USER_SCHEMA}:stateOrProvince pr`, false],
    ['timezone eq null', true],
    ['title eq null', false],
    ['title ne null', true],
    ['timezone ne "Europe/Paris"', true],
  ])('presence and absent attributes: %s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it('treats an empty string, empty array or empty object as not present', () => {
    const sparse = { ...sampleUser(), title: '', emails: [], name: {} };
    expect(userMatches('title pr', sparse)).toBe(false);
    expect(userMatches('emails pr', sparse)).toBe(false);
    expect(userMatches('name pr', sparse)).toBe(false);
  });

  describe('multi-valued attributes', () => {
    it.each<[string, boolean]>([
      // comparing the complex attribute itself compares its value sub-attribute
      ['emails eq "jane@home.example"', true],
      ['emails eq "JANE@HOME.EXAMPLE"', true],
      ['emails co "nobody"', false],
      ['emails.value co "home"', true],
      ['emails.type eq "other"', false],
      // any element may match...
      ['emails.value eq "jane@home.example"', true],
      // ...but ne holds only when no element is equal
      ['emails.value ne "jane@home.example"', false],
      ['emails.value ne "other@example.com"', true],
      ['phoneNumbers.value sw "+33"', true],
    ])('%s → %s', (filter, expected) => {
      expect(userMatches(filter)).toBe(expected);
    });

    it.each<[string, boolean]>([
      // the conditions of a value path must hold for the SAME element
      ['emails[type eq "work"].value eq "jane@home.example"', false],
      ['emails[type eq "home"].value eq "jane@home.example"', true],
      ['emails[type eq "work" and value eq "jane@home.example"]', false],
      ['emails[type eq "work" and primary eq true]', true],
      ['emails[type eq "home" and primary eq true]', false],
      ['emails[type eq "home" or primary eq true]', true],
      ['emails[not (type eq "work")]', true],
      ['emails[type eq "other"]', false],
      ['emails[type eq "work"].value pr', true],
      // independent conditions may be satisfied by different elements
      ['emails.type eq "work" and emails.value eq "jane@home.example"', true],
      [`${ENTERPRISE_USER_SCHEMA}:manager[value eq "u-0"]`, true],
    ])('value path: %s → %s', (filter, expected) => {
      expect(userMatches(filter)).toBe(expected);
    });

    it('finds nothing in a resource without the attribute', () => {
      const { emails: _emails, ...withoutEmails } = sampleUser();
      expect(userMatches('emails[type eq "work"]', withoutEmails)).toBe(false);
      expect(userMatches('emails eq "jane.doe@example.com"', withoutEmails)).toBe(false);
    });
  });

  it.each<[string, boolean]>([
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "42"`, true],
    [`${ENTERPRISE_USER_SCHEMA}:manager.value eq "u-0"`, true],
    [`${ROSTER_USER_SCHEMA}:country eq "fr"`, true],
    [`${ROSTER_USER_SCHEMA}:resolvedTimeZone eq "europe/paris"`, false],
    [`${ROSTER_USER_SCHEMA}:timeZoneSource eq "COUNTRY"`, true],
  ])('extension attributes: %s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ['not (title pr)', false],
    ['not (timezone pr)', true],
    ['title pr and timezone pr', false],
    ['title pr or timezone pr', true],
    ['userName eq "x" or (active eq true and emails[type eq "home"])', true],
    ['not (userName eq "x" or title eq "Engineer")', false],
  ])('logic: %s → %s', (filter, expected) => {
    expect(userMatches(filter)).toBe(expected);
  });

  it('reads attributes whatever the letter case of the resource keys', () => {
    const shouting = { USERNAME: 'jane', Emails: [{ VALUE: 'j@example.com', Type: 'work' }] };
    expect(userMatches('userName eq "jane"', shouting)).toBe(true);
    expect(userMatches('emails[type eq "work"].value eq "j@example.com"', shouting)).toBe(true);
  });
});

describe('matchesFilter on a Group', () => {
  it.each<[string, boolean]>([
    ['displayName eq "sales"', true],
    ['displayName eq "Marketing"', false],
    ['members eq "u-2"', true],
    ['members.value eq "u-2"', true],
    // member ids are caseExact
    ['members.value eq "U-2"', false],
    ['members[value eq "u-1"]', true],
    ['members[value eq "u-3"]', false],
    ['members[display co "john"]', true],
  ])('%s → %s', (filter, expected) => {
    expect(groupMatches(filter)).toBe(expected);
  });
});

describe('filters that cannot mean anything are invalidFilter', () => {
  it.each<[string, string]>([
    ['shoeSize eq "x"', 'unknown attribute "shoeSize"'],
    ['name.maidenName eq "x"', 'unknown attribute "name.maidenName"'],
    ['urn:example:unknown:1.0:User:thing eq "x"', 'unknown attribute "urn:example:unknown:1.0:User:thing"'],
    ['emails[foo eq "x"]', 'unknown attribute "emails.foo"'],
    ['emails[type eq "work"].foo eq "x"', 'unknown attribute "emails.foo"'],
    ['active co "t"', '"co" cannot compare booleans'],
    ['active gt true', '"gt" cannot compare booleans'],
    ['active eq "yes"', 'active is a boolean'],
    ['active eq 1', 'active is a boolean'],
    ['userName eq 5', 'userName is a string'],
    ['userName eq true', 'userName is a string'],
    ['meta.lastModified gt "yesterday"', 'meta.lastModified is a dateTime'],
    ['meta.created co "2024"', '"co" applies to strings only'],
    ['name eq "Jane"', 'name is complex'],
    ['title gt null', 'only eq and ne accept null'],
    ['userName[value eq "x"]', '"userName" has no sub-attributes'],
  ])('%s', (filter, detail) => {
    const error = errorOf(() => compileFilter(parseFilter(filter), USER_RESOURCE_SCHEMA));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect(error.detail).toContain(detail);
  });

  it('rejects User attributes in a Group filter', () => {
    expect(errorOf(() => groupMatches('userName eq "x"')).detail).toContain('unknown attribute "userName"');
  });

  it('compiles once and evaluates many resources', () => {
    const predicate = compileFilter(parseFilter('title eq "engineer"'), USER_RESOURCE_SCHEMA);
    expect([user, { ...user, title: 'Manager' }, {}].map(predicate)).toEqual([true, false, false]);
  });
});
