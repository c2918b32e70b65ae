import * as z from '../../zod.js';
import { invalidSyntax, invalidValue } from '../../errors.js';
import { canonicalizeResource } from '../canonicalize.js';
import { GROUP_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { GROUP_SCHEMA } from '../schema/urns.js';

export interface ParsedGroup {
  displayName: string;
  externalId?: string;
  /** Present when the body carries `members` (PUT replaces them; POST adds them). */
  memberIds?: string[];
}

const member = z.object({
  value: z.string().check(z.trim(), z.minLength(1, 'each member needs a non-empty "value" (the user id)'), z.maxLength(256)),
  type: z.optional(z.string()).check(z.refine((type) => type === undefined || type.toLowerCase() !== 'group', 'nested groups are not supported; members must be users')),
});

const groupBody = z.object({
  schemas: z.array(z.string()).check(z.minLength(1)),
  displayName: z.string().check(z.trim(), z.minLength(1, 'displayName is required and must not be empty'), z.maxLength(256)),
  // null is unassigned (RFC 7643 §2.5), as for members.
  externalId: z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(256)))),
  members: z.optional(z.nullable(z.array(member).check(z.maxLength(10_000)))),
});

/** A SCIM Group body (POST, PUT) → what Roster keeps; read-only attributes Okta echoes are ignored. */
export function parseGroupBody(body: unknown): ParsedGroup {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidSyntax('The request body must be a JSON object (a SCIM Group resource).');
  }
  const parsed = groupBody.safeParse(canonicalizeResource(body as Record<string, unknown>, GROUP_RESOURCE_SCHEMA));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidValue(`Invalid ${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}.`);
  }
  const unknown = parsed.data.schemas.filter((urn) => urn.toLowerCase() !== GROUP_SCHEMA.toLowerCase());
  if (unknown.length) throw invalidValue(`Unknown schema URN in schemas: ${unknown.join(', ')}.`);
  if (!parsed.data.schemas.length) throw invalidValue(`schemas must include ${GROUP_SCHEMA}.`);
  const { displayName, externalId, members } = parsed.data;
  return {
    displayName,
    ...(externalId ? { externalId } : {}),
    ...(members === undefined ? {} : { memberIds: [...new Set((members ?? []).map((entry) => entry.value))] }),
  };
}
