import * as z from 'zod';
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
  value: z.string().trim().min(1, 'each member needs a non-empty "value" (the user id)').max(256),
  type: z.string().optional().refine((type) => type === undefined || type.toLowerCase() !== 'group', 'nested groups are not supported; members must be users'),
});

const groupBody = z.object({
  schemas: z.array(z.string()).min(1),
  displayName: z.string().trim().min(1, 'displayName is required and must not be empty').max(256),
  // null is unassigned (RFC 7643 §2.5), as for members.
  externalId: z.string().trim().min(1).max(256).nullable().optional(),
  members: z.array(member).max(10_000).nullable().optional(),
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
