import fc from 'fast-check';
import {
  ENTERPRISE_USER_SCHEMA as ENTERPRISE,
  GROUP_SCHEMA,
  PATCH_OP,
  ROSTER_USER_SCHEMA as ROSTER,
  USER_SCHEMA,
} from '../../../shared/scim/schema/urns.js';
import { hostileField, hostileJson, objectOf, plausibleField, pollutionPayload, wrongType, type Field } from './json.js';
import { boundedText, hostileString } from './strings.js';

/** Attribute paths clients use, paths that almost work, and garbage. */
const ATTRIBUTE_PATHS = [
  'userName', 'USERNAME', 'name.givenName', 'name', 'displayName', 'title', 'active', 'externalId', 'id', 'meta', 'meta.created',
  'groups', 'password', 'emails', 'emails.value', 'emails[type eq "work"].value', 'emails[type eq "work"]', 'emails[value eq "x@y"]',
  'phoneNumbers[type eq "work"].value', 'addresses[type eq "work"].country', 'members', 'members.value',
  'members[value eq "00000000-0000-0000-0000-000000000000"]', `${ENTERPRISE}:manager`, `${ENTERPRISE}:manager.value`,
  `${ENTERPRISE}:employeeNumber`, `${ROSTER}:managerEmail`, `${ROSTER}:resolvedTimeZone`, `${USER_SCHEMA}:userName`, 'urn:unknown:x',
  'emails[', 'emails[type eq]', 'emails[type eq "work"', 'emails]', 'a.b.c.d', 'members[value eq "x" or value pr]', '[', ']', '.', '"',
  'emails[type eq "work"].value.extra', 'name..givenName', 'schemas', 'nonsense',
];
export const attributePath = fc.oneof({ arbitrary: fc.constantFrom(...ATTRIBUTE_PATHS), weight: 4 }, { arbitrary: hostileString, weight: 1 });
/** Paths a PATCH may write, of a user and of a group. */
const writableUserPath = fc.constantFrom('title', 'displayName', 'name.givenName', 'emails[type eq "work"].value', 'active', `${ENTERPRISE}:employeeNumber`, `${ROSTER}:managerEmail`);
const writableGroupPath = fc.constantFrom('displayName', 'externalId', 'members');

/** How hostile a generated body is: each field, each PATCH path, each id it names. */
export interface BodyMode {
  field: Field;
  /** PATCH paths of a user and of a group. */
  paths: { user: fc.Arbitrary<string>; group: fc.Arbitrary<string> };
  /** An id from the company's `known` ids (plausible), or any id at all. */
  id: (known: readonly string[]) => fc.Arbitrary<string>;
}
/** Bodies a real client could send, at the sizes the schemas allow: many succeed. */
export const plausibleMode: BodyMode = { field: plausibleField, paths: { user: writableUserPath, group: writableGroupPath }, id: (known) => (known.length ? fc.constantFrom(...known) : fc.uuid()) };
/** Bodies of the right shape with hostile values anywhere. */
export const hostileMode: BodyMode = { field: hostileField, paths: { user: attributePath, group: attributePath }, id: anyId };

const FILTER_ATTRIBUTES = ['userName', 'externalId', 'id', 'emails.value', 'emails', 'emails[type eq "work"].value', 'displayName', 'members.value', 'active', 'title', 'meta.created', 'name.givenName', `${ENTERPRISE}:employeeNumber`, 'urn:x:y'];
const OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr', 'EQ', 'Eq', 'xx', ''];
const filterValue = fc.oneof(
  hostileString.map((value) => JSON.stringify(value)),
  fc.constantFrom('true', 'false', 'null', '42', '-1.5e3', '"unterminated', '"a\\"b"', '"\\u00"', '"\\ud800"', "'single'", ''),
);

/** RFC 7644 filters, mostly well-formed, with hostile values, unsupported forms and broken syntax. */
export const { filter: filterExpression } = fc.letrec<{ filter: string; term: string }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small' },
    { arbitrary: tie('term'), weight: 4 },
    { arbitrary: fc.tuple(tie('filter'), fc.constantFrom(' and ', ' or ', ' AND ', ' nor '), tie('filter')).map((parts) => parts.join('')), weight: 2 },
    { arbitrary: tie('filter').map((inner) => `not (${inner})`), weight: 1 },
    { arbitrary: tie('filter').map((inner) => `(${inner})`), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('emails', 'members', 'addresses'), tie('filter')).map(([path, inner]) => `${path}[${inner}]`), weight: 1 },
  ),
  term: fc.oneof(
    fc.tuple(fc.constantFrom(...FILTER_ATTRIBUTES), fc.constantFrom(...OPERATORS), filterValue).map(([name, op, value]) => (op === 'pr' ? `${name} pr` : `${name} ${op} ${value}`)),
    hostileString,
  ),
}));

/** Filters that stress the parser itself: very deep grouping, very long conjunctions. */
export const extremeFilter = fc.oneof(
  fc.integer({ min: 30, max: 3_000 }).map((depth) => `${'('.repeat(depth)}userName eq "a"${')'.repeat(depth)}`),
  fc.integer({ min: 30, max: 600 }).map((count) => Array.from({ length: count }, (_, index) => `userName eq "u${index}"`).join(' or ')),
  fc.integer({ min: 30, max: 3_000 }).map((depth) => `${'not ('.repeat(depth)}userName eq "a"${')'.repeat(depth)}`),
  fc.integer({ min: 1_000, max: 6_000 }).map((length) => `userName eq "${'x'.repeat(length)}"`),
  fc.integer({ min: 1_000, max: 6_000 }).map((length) => `emails.value eq "${'y'.repeat(length)}@example.com"`),
);

/** A user body in Okta's shape, as hostile as `mode` makes it; unknown and polluting keys come on top. */
export function userBody(domain: string, { field }: BodyMode = hostileMode): fc.Arbitrary<Record<string, unknown>> {
  const local = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }).map((text) => text.replace(/[^a-z0-9]/gi, 'x'));
  const userName = fc.oneof({ arbitrary: local.map((name) => `${name}@${domain}`), weight: 9 }, { arbitrary: fc.emailAddress(), weight: 1 });
  const email = fc.record({ value: field(fc.emailAddress()), type: field(fc.constantFrom('work', 'home', 'other')), primary: field(fc.constant(false)), display: field(boundedText(1024)) }, { requiredKeys: ['value'] });
  const address = fc.record(
    { type: field(fc.constant('work')), country: field(fc.constantFrom('US', 'FR', 'Atlantis')), region: field(boundedText(1024)), streetAddress: field(boundedText(1024)), formatted: field(boundedText(1024)) },
    { requiredKeys: [] },
  );
  return fc
    .tuple(
      userName,
      fc.record(
        {
          schemas: field(fc.constantFrom([USER_SCHEMA], [USER_SCHEMA, ENTERPRISE], [USER_SCHEMA, ROSTER], [USER_SCHEMA, ENTERPRISE, ROSTER])),
          name: field(fc.record({ givenName: field(boundedText(256)), familyName: field(boundedText(256)), formatted: field(boundedText(1024)) })),
          displayName: field(boundedText(1024)),
          phoneNumbers: field(fc.array(fc.record({ value: field(fc.constantFrom('+1 415 555 0100', '555', 'abc')), type: fc.constant('work') }), { maxLength: 3 })),
          addresses: field(fc.array(address, { maxLength: 50 })),
          title: field(boundedText(1024)),
          locale: field(fc.constantFrom('en-US', 'en_US', 'xx', '')),
          timezone: field(fc.constantFrom('Europe/Paris', 'Asia/Kolkata')),
          active: field(fc.constantFrom(true, false, 'True', 'False')),
          externalId: field(boundedText(256)),
          password: field(fc.string()),
          groups: field(fc.constant([])),
          id: hostileString,
          meta: hostileJson,
          [ENTERPRISE]: field(fc.record({ employeeNumber: field(boundedText(256)), manager: field(fc.record({ value: field(boundedText(256)) })) }, { requiredKeys: [] })),
          [ROSTER]: field(fc.record({ managerEmail: field(fc.emailAddress()), managerFullName: field(boundedText(512)), country: field(fc.constantFrom('US', 'DE')), resolvedTimeZone: field(fc.string()) }, { requiredKeys: [] })),
        },
        { requiredKeys: ['schemas', 'name'] },
      ),
      fc.array(email, { maxLength: 49 }),
      field(fc.constant(true)),
    )
    .chain(([name, body, emails, primary]) =>
      field(fc.constant(name)).map((userNameValue) => ({ ...body, userName: userNameValue, emails: [{ value: name, type: 'work', primary }, ...emails] })),
    )
    .chain(withExtraKeys);
}

/** A group body, members included, as hostile as `mode` makes it. */
export function groupBody(userIds: readonly string[], { field, id }: BodyMode = hostileMode): fc.Arbitrary<Record<string, unknown>> {
  const member = fc.record({ value: field(id(userIds)), display: field(fc.string()), type: field(fc.constantFrom('User', 'user')) }, { requiredKeys: ['value'] });
  return fc
    .record(
      {
        schemas: field(fc.constant([GROUP_SCHEMA])),
        displayName: field(boundedText(256)),
        externalId: field(boundedText(256)),
        members: field(fc.array(member, { maxLength: 5 })),
        id: hostileString,
        meta: hostileJson,
      },
      { requiredKeys: ['schemas', 'displayName'] },
    )
    .chain(withExtraKeys);
}

/** A PatchOp body: ops in any case, paths and values as hostile as `mode` makes them. */
export function patchBody(resource: 'user' | 'group', userIds: readonly string[], { field, paths, id }: BodyMode = hostileMode): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    field(boundedText(256)),
    fc.constant({ active: false }),
    fc.record({ 'name.givenName': field(boundedText(256)), displayName: field(boundedText(1024)), title: field(boundedText(1024)), active: field(fc.constantFrom('False', true)) }, { requiredKeys: [] }),
    fc.array(fc.record({ value: field(id(userIds)) }), { maxLength: 4 }),
    pollutionPayload,
  );
  const operation = fc.record(
    { op: field(fc.constantFrom('add', 'replace', 'remove', 'Add', 'REPLACE', 'Remove')), path: field(paths[resource]), value },
    { requiredKeys: ['op', 'value'] },
  );
  return fc
    .record({ schemas: field(fc.constantFrom([PATCH_OP], [PATCH_OP.toUpperCase()])), Operations: field(fc.array(operation, { minLength: 1, maxLength: 6 })) })
    .chain(withExtraKeys);
}

/** An id: a real one, someone else's, or nonsense. */
function anyId(known: readonly string[]): fc.Arbitrary<string> {
  return known.length ? fc.oneof(fc.constantFrom(...known), fc.uuid(), hostileString) : fc.oneof(fc.uuid(), hostileString);
}

/** Adds unknown keys, letter-case variants and prototype keys to an object. */
function withExtraKeys(body: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  return fc.array(fc.tuple(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype')), hostileJson), { maxLength: 2 }).map((extra) => objectOf([...Object.entries(body), ...extra]));
}

/** A body that can never be a valid resource of this kind: its required attribute has the wrong type. */
export const invalidRequiredAttribute = {
  user: fc.tuple(wrongType('string')).map(([userName]) => ({ schemas: [USER_SCHEMA], userName })),
  group: fc.tuple(wrongType('string')).map(([displayName]) => ({ schemas: [GROUP_SCHEMA], displayName })),
  patch: fc.tuple(wrongType('array')).map(([Operations]) => ({ schemas: [PATCH_OP], Operations })),
};
