import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../../../shared/scim/filter/evaluate.js';
import { parseFilter } from '../../../../shared/scim/filter/parse.js';
import {
  GROUP_LOOKUP_KEYS,
  lookupKeysFor,
  planFilter,
  unsupportedFilterError,
  unsupportedFilterMessage,
  USER_LOOKUP_KEYS,
  type Lookup,
} from '../../../../shared/scim/filter/plan.js';
import { GROUP_RESOURCE_SCHEMA, USER_RESOURCE_SCHEMA } from '../../../../shared/scim/schema/resource-schemas.js';
import { ENTERPRISE_USER_SCHEMA } from '../../../../shared/scim/schema/urns.js';
import { errorOf, sampleUser } from '../support.js';

const userPlan = (filter: string) => planFilter(parseFilter(filter), USER_RESOURCE_SCHEMA);
const groupPlan = (filter: string) => planFilter(parseFilter(filter), GROUP_RESOURCE_SCHEMA);
const lookupsOf = (plan: ReturnType<typeof planFilter>) => (plan.kind === 'lookup' ? plan.lookups : plan.reason);

const userName = (value: string): Lookup => ({ attribute: 'userName', value, caseExact: false });
const email = (value: string): Lookup => ({ attribute: 'email', value, caseExact: false });
const id = (value: string): Lookup => ({ attribute: 'id', value, caseExact: true });
const externalId = (value: string): Lookup => ({ attribute: 'externalId', value, caseExact: true });

describe('planFilter for Users', () => {
  it.each<[string, Lookup[]]>([
    ['userName eq "jane@example.com"', [userName('jane@example.com')]],
    ['USERNAME Eq "Jane@Example.com"', [userName('Jane@Example.com')]],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"', [userName('a')]],
    ['id eq "u-1"', [id('u-1')]],
    ['externalId eq "00u1"', [externalId('00u1')]],
    ['emails eq "a@x.com"', [email('a@x.com')]],
    ['emails.value eq "a@x.com"', [email('a@x.com')]],
    ['emails[value eq "a@x.com"]', [email('a@x.com')]],
    ['emails[type eq "work"].value eq "a@x.com"', [email('a@x.com')]],
    ['emails[type eq "work" and value eq "a@x.com"]', [email('a@x.com')]],
    ['emails[value eq "a@x.com" and primary eq true]', [email('a@x.com')]],
  ])('plans %s', (filter, lookups) => {
    expect(lookupsOf(userPlan(filter))).toEqual(lookups);
  });

  it.each<[string, Lookup[]]>([
    ['userName eq "a" and title eq "b"', [userName('a')]],
    ['title eq "b" and userName eq "a"', [userName('a')]],
    ['not (active eq false) and userName eq "a"', [userName('a')]],
    // the more selective key wins: id > userName > externalId > email
    ['emails eq "e" and userName eq "a"', [userName('a')]],
    ['externalId eq "x" and id eq "i"', [id('i')]],
    ['externalId eq "x" and emails eq "e"', [externalId('x')]],
    ['(userName eq "a" or userName eq "b") and id eq "c"', [id('c')]],
    ['(userName eq "a" or userName eq "b") and emails eq "e"', [userName('a'), userName('b')]],
  ])('and: %s', (filter, lookups) => {
    expect(lookupsOf(userPlan(filter))).toEqual(lookups);
  });

  it.each<[string, Lookup[]]>([
    ['userName eq "a" or userName eq "b"', [userName('a'), userName('b')]],
    ['userName eq "a" or emails eq "e"', [userName('a'), email('e')]],
    ['id eq "1" or (externalId eq "2" and title pr)', [id('1'), externalId('2')]],
    // duplicates collapse, case-insensitively only where the attribute is not caseExact
    ['userName eq "a" or userName eq "A"', [userName('a')]],
    ['id eq "a" or id eq "A"', [id('a'), id('A')]],
  ])('or: %s', (filter, lookups) => {
    expect(lookupsOf(userPlan(filter))).toEqual(lookups);
  });

  it.each<[string, string]>([
    ['title eq "x"', 'title is not a lookup attribute'],
    ['displayName eq "Jane"', 'displayName is not a lookup attribute'],
    ['active eq true', 'active is not a lookup attribute'],
    [`${ENTERPRISE_USER_SCHEMA}:employeeNumber eq "1"`, `${ENTERPRISE_USER_SCHEMA}:employeeNumber is not a lookup attribute`],
    ['userName co "a"', '"co" on userName cannot be answered by a lookup'],
    ['userName ne "a"', '"ne" on userName'],
    ['userName pr', '"pr" on userName'],
    ['userName eq null', 'userName must be compared with a string'],
    ['not (userName eq "a")', '"not" cannot be answered by a lookup'],
    ['emails[type eq "work"]', 'emails.type is not a lookup attribute'],
    ['emails[type eq "work" or value eq "x"]', 'emails.type is not a lookup attribute'],
    ['userName eq "a" or title eq "b"', 'title is not a lookup attribute'],
    ['title eq "b" or userName eq "a"', 'title is not a lookup attribute'],
    ['title eq "a" and locale eq "b"', 'title is not a lookup attribute'],
    ['meta.lastModified gt "2024-01-01T00:00:00Z"', '"gt" on meta.lastModified'],
  ])('cannot plan %s', (filter, reason) => {
    const plan = userPlan(filter);
    expect(plan.kind).toBe('unsupported');
    expect(lookupsOf(plan)).toContain(reason);
  });

  it('hands back the whole filter as the residual to evaluate on candidates', () => {
    const filter = parseFilter('userName eq "a" and title eq "b"');
    expect(planFilter(filter, USER_RESOURCE_SCHEMA)).toMatchObject({ kind: 'lookup', residual: filter });
  });

  it('validates the whole filter, even the parts a lookup does not need', () => {
    const error = errorOf(() => userPlan('userName eq "a" and shoeSize eq "x"'));
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    expect(error.detail).toContain('shoeSize');
  });

  it('gives exact answers once the residual runs on the looked-up candidates', () => {
    const filter = parseFilter('emails[type eq "work"].value eq "jane@home.example"');
    const plan = planFilter(filter, USER_RESOURCE_SCHEMA);
    // the email index finds Jane by her home address, the residual then rejects her
    expect(lookupsOf(plan)).toEqual([email('jane@home.example')]);
    expect(matchesFilter(filter, sampleUser(), USER_RESOURCE_SCHEMA)).toBe(false);
  });
});

describe('planFilter for Groups', () => {
  it.each<[string, Lookup[]]>([
    ['displayName eq "Sales"', [{ attribute: 'displayName', value: 'Sales', caseExact: false }]],
    ['externalId eq "x"', [externalId('x')]],
    ['id eq "g-1"', [id('g-1')]],
    ['members[value eq "u-1"]', [{ attribute: 'memberValue', value: 'u-1', caseExact: true }]],
    ['members.value eq "u-1"', [{ attribute: 'memberValue', value: 'u-1', caseExact: true }]],
    ['members eq "u-1"', [{ attribute: 'memberValue', value: 'u-1', caseExact: true }]],
    ['members eq "u-1" and displayName eq "Sales"', [{ attribute: 'displayName', value: 'Sales', caseExact: false }]],
  ])('plans %s', (filter, lookups) => {
    expect(lookupsOf(groupPlan(filter))).toEqual(lookups);
  });

  it('rejects User attributes', () => {
    expect(errorOf(() => groupPlan('userName eq "a"')).scimType).toBe('invalidFilter');
  });

  it('does not plan members.display', () => {
    expect(groupPlan('members[display eq "jane"]')).toEqual({ kind: 'unsupported', reason: 'members.display is not a lookup attribute' });
  });
});

describe('lookup keys are configuration', () => {
  it('defaults from the resource type', () => {
    expect(lookupKeysFor(USER_RESOURCE_SCHEMA)).toBe(USER_LOOKUP_KEYS);
    expect(lookupKeysFor(GROUP_RESOURCE_SCHEMA)).toBe(GROUP_LOOKUP_KEYS);
  });

  it('plans only with the keys it is given', () => {
    const onlyEmail = USER_LOOKUP_KEYS.filter((key) => key.attribute === 'email');
    const filter = parseFilter('userName eq "a" or emails eq "e"');
    expect(planFilter(filter, USER_RESOURCE_SCHEMA, onlyEmail)).toEqual({ kind: 'unsupported', reason: 'userName is not a lookup attribute' });
    expect(planFilter(parseFilter('emails eq "e"'), USER_RESOURCE_SCHEMA, onlyEmail)).toMatchObject({ lookups: [email('e')] });
  });
});

describe('the unsupported-filter error', () => {
  it('says what failed and which forms are supported', () => {
    const message = unsupportedFilterMessage('title is not a lookup attribute', USER_RESOURCE_SCHEMA);
    expect(message).toContain('Unsupported filter for User: title is not a lookup attribute.');
    for (const form of ['userName eq', 'id eq', 'externalId eq', 'emails.value eq', 'emails[value eq', '"and"', '"or"']) {
      expect(message).toContain(form);
    }
    expect(unsupportedFilterMessage('x', GROUP_RESOURCE_SCHEMA)).toContain('displayName eq');
  });

  it('is a 400 invalidFilter', () => {
    expect(unsupportedFilterError('x', GROUP_RESOURCE_SCHEMA)).toMatchObject({ status: 400, scimType: 'invalidFilter' });
  });
});
