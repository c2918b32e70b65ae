import * as z from 'zod';
import { invalidValue, invalidSyntax } from '../../errors.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../schema/urns.js';
import type { TeamMemberInput } from '../../people/members/profile-document.js';
import { INVISIBLE_CHARACTERS_MESSAGE, hasInvisibleCharacters } from '../../profile/invisible-characters.js';
import { booleanValue } from '../boolean-value.js';
import { canonicalizeResource } from '../canonicalize.js';
import { USER_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';

/**
 * A SCIM User body (POST, PUT, or the result of a PATCH) → the writable attributes Roster keeps.
 * Attribute names are matched case-insensitively first; read-only and unknown attributes are
 * dropped (Okta sends back `id`, `meta`, `groups`; clients send `password`: accepted, never kept).
 */
const booleanLike = z.unknown().transform((value, context) => {
  const parsed = booleanValue(value);
  if (parsed === undefined) {
    context.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  }
  return parsed;
});
const text = (max = 1024) => z.string().trim().max(max);
/** A userName or an email: what people read to tell one person from another. */
const identifier = (max: number) => text(max).refine((value) => !hasInvisibleCharacters(value), INVISIBLE_CHARACTERS_MESSAGE);
const multiValued = <T extends z.ZodType>(element: T) => z.array(element).max(50);

const email = z.object({
  value: identifier(320).min(1),
  type: text(64).optional(),
  primary: booleanLike.optional(),
  display: text().optional(),
});
const phoneNumber = z.object({ value: text(64).min(1), type: text(64).optional(), primary: booleanLike.optional() });
const address = z.object({
  type: text(64).optional(),
  streetAddress: text().optional(),
  locality: text().optional(),
  region: text().optional(),
  postalCode: text(64).optional(),
  country: text(128).optional(),
  formatted: text().optional(),
  primary: booleanLike.optional(),
});

const enterprise = z
  .object({
    employeeNumber: text(256).optional(),
    manager: z.union([z.object({ value: text(256).optional(), $ref: text(2048).optional() }), text(256).transform((value) => ({ value }))]).optional(),
    costCenter: text().optional(),
    organization: text().optional(),
    division: text().optional(),
    department: text().optional(),
  })
  .optional();

const roster = z
  .object({
    managerEmail: identifier(320).optional(),
    managerFullName: text(512).optional(),
    primaryPhoneExtension: text(32).optional(),
    country: text(128).optional(),
    stateOrProvince: text(128).optional(),
  })
  .optional();

const userBody = z.object({
  schemas: z.array(z.string()).min(1, 'schemas must list at least the core User schema URN'),
  userName: identifier(256).min(1, 'userName is required and must not be empty'),
  externalId: text(256).min(1).optional(),
  name: z
    .object({
      givenName: text(256).optional(),
      familyName: text(256).optional(),
      middleName: text(256).optional(),
      formatted: text().optional(),
      honorificPrefix: text(64).optional(),
      honorificSuffix: text(64).optional(),
    })
    .optional(),
  displayName: text().optional(),
  nickName: text(256).optional(),
  title: text().optional(),
  userType: text(256).optional(),
  preferredLanguage: text(64).optional(),
  locale: text(64).optional(),
  timezone: text(128).optional(),
  active: booleanLike.optional(),
  emails: multiValued(email).optional(),
  phoneNumbers: multiValued(phoneNumber).optional(),
  addresses: multiValued(address).optional(),
  [ENTERPRISE_USER_SCHEMA]: enterprise,
  [ROSTER_USER_SCHEMA]: roster,
});

const KNOWN_SCHEMAS = new Set([USER_SCHEMA, ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA].map((urn) => urn.toLowerCase()));

/** A SCIM User body → the member it describes, its attributes as the stored profile document. */
export function parseUserBody(body: unknown): TeamMemberInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidSyntax('The request body must be a JSON object (a SCIM User resource).');
  }
  const canonical = canonicalizeResource(body as Record<string, unknown>, USER_RESOURCE_SCHEMA);
  const schemas = (body as { schemas?: unknown }).schemas;
  if (Array.isArray(schemas)) {
    const unknown = schemas.filter((urn) => typeof urn !== 'string' || !KNOWN_SCHEMAS.has(urn.toLowerCase()));
    if (unknown.length) throw invalidValue(`Unknown schema URN in schemas: ${unknown.map(String).join(', ')}.`);
    if (!schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === USER_SCHEMA.toLowerCase())) {
      throw invalidValue(`schemas must include ${USER_SCHEMA}.`);
    }
  }
  const parsed = userBody.safeParse(withoutNulls(canonical));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : 'body';
    throw invalidValue(`Invalid ${where}: ${issue.message}.`);
  }
  const { schemas: _schemas, ...attributes } = parsed.data;
  return {
    userName: attributes.userName,
    ...(attributes.externalId ? { externalId: attributes.externalId } : {}),
    active: attributes.active ?? true,
    attributes: { ...dropEmpty(attributes), active: attributes.active ?? true },
  };
}

/** RFC 7643 §2.5: null is the same state as unassigned (a PUT may send "title": null), so it is dropped before validation. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, entry]) => (entry === null ? [] : [[key, withoutNulls(entry)]])));
}

/** Empty extension objects and empty lists carry nothing: do not store them. */
function dropEmpty(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => {
      if (entry === undefined) return false;
      if (Array.isArray(entry)) return entry.length > 0;
      if (typeof entry === 'object' && entry !== null) return Object.keys(entry).length > 0;
      return true;
    }),
  );
}
