import * as z from '../../zod.js';
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
const booleanLike = z.pipe(
  z.unknown().check(z.refine((value) => booleanValue(value) !== undefined, 'must be true or false')),
  z.transform((value) => booleanValue(value)!),
);
const text = (max = 1024) => z.string().check(z.trim(), z.maxLength(max));
/** A userName or an email: what people read to tell one person from another. */
const identifier = (max: number) => text(max).check(z.refine((value) => !hasInvisibleCharacters(value), INVISIBLE_CHARACTERS_MESSAGE));
const multiValued = <T extends z.ZodMiniType>(element: T) => z.array(element).check(z.maxLength(50));
const optionalText = (max?: number) => z.optional(text(max));

const email = z.object({
  value: identifier(320).check(z.minLength(1)),
  type: optionalText(64),
  primary: z.optional(booleanLike),
  display: optionalText(),
});
const phoneNumber = z.object({ value: text(64).check(z.minLength(1)), type: optionalText(64), primary: z.optional(booleanLike) });
const address = z.object({
  type: optionalText(64),
  streetAddress: optionalText(),
  locality: optionalText(),
  region: optionalText(),
  postalCode: optionalText(64),
  country: optionalText(128),
  formatted: optionalText(),
  primary: z.optional(booleanLike),
});

const enterprise = z.optional(
  z.object({
    employeeNumber: optionalText(256),
    manager: z.optional(
      z.union([
        z.object({ value: optionalText(256), $ref: optionalText(2048) }),
        z.pipe(text(256), z.transform((value) => ({ value }))),
      ]),
    ),
    costCenter: optionalText(),
    organization: optionalText(),
    division: optionalText(),
    department: optionalText(),
  }),
);

const roster = z.optional(
  z.object({
    managerEmail: z.optional(identifier(320)),
    managerFullName: optionalText(512),
    primaryPhoneExtension: optionalText(32),
    country: optionalText(128),
    stateOrProvince: optionalText(128),
  }),
);

const userBody = z.object({
  schemas: z.array(z.string()).check(z.minLength(1, 'schemas must list at least the core User schema URN')),
  userName: identifier(256).check(z.minLength(1, 'userName is required and must not be empty')),
  externalId: z.optional(text(256).check(z.minLength(1))),
  name: z.optional(
    z.object({
      givenName: optionalText(256),
      familyName: optionalText(256),
      middleName: optionalText(256),
      formatted: optionalText(),
      honorificPrefix: optionalText(64),
      honorificSuffix: optionalText(64),
    }),
  ),
  displayName: optionalText(),
  nickName: optionalText(256),
  title: optionalText(),
  userType: optionalText(256),
  preferredLanguage: optionalText(64),
  locale: optionalText(64),
  timezone: optionalText(128),
  active: z.optional(booleanLike),
  emails: z.optional(multiValued(email)),
  phoneNumbers: z.optional(multiValued(phoneNumber)),
  addresses: z.optional(multiValued(address)),
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
