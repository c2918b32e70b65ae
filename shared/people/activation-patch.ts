import { booleanValue } from '../scim/boolean-value.js';
import { getMember } from '../scim/json.js';
import { PATCH_OP, USER_SCHEMA } from '../scim/schema/urns.js';

const ACTIVE_PATHS = new Set(['active', `${USER_SCHEMA}:active`.toLowerCase()]);

/**
 * When a PATCH does nothing but set `active` — Okta's deactivate/reactivate
 * `{"op":"replace","value":{"active":false}}`, or `{"op":"Replace","path":"active","value":"False"}`
 * from other clients — the new value; otherwise undefined (the general PATCH path handles it,
 * including every validation error).
 */
export function activationChange(body: unknown): boolean | undefined {
  if (!isObject(body)) return undefined;
  const { schemas, Operations: operations } = body as { schemas?: unknown; Operations?: unknown };
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP)) return undefined;
  if (!Array.isArray(operations) || operations.length === 0) return undefined;
  let active: boolean | undefined;
  for (const operation of operations) {
    if (!isObject(operation)) return undefined;
    // Case-insensitive like parsePatchRequest: {"op":"replace","Path":"title","value":{"active":false}} sets title.
    const [op, path, value] = (['op', 'path', 'value'] as const).map((name) => getMember(operation, name));
    if (typeof op !== 'string' || !['add', 'replace'].includes(op.toLowerCase())) return undefined;
    let candidate: unknown;
    if (path === undefined) {
      if (!isObject(value)) return undefined;
      const entries = Object.entries(value);
      if (entries.length !== 1 || !ACTIVE_PATHS.has(entries[0]![0].toLowerCase())) return undefined;
      candidate = entries[0]![1];
    } else {
      if (typeof path !== 'string' || !ACTIVE_PATHS.has(path.trim().toLowerCase())) return undefined;
      candidate = value;
    }
    const parsed = booleanValue(candidate);
    if (parsed === undefined) return undefined;
    active = parsed;
  }
  return active;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
