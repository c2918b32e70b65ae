import { isRosterError } from '../../errors.js';
import { booleanValue } from '../boolean-value.js';
import { isJsonObject } from '../json.js';
import { parsePatchRequest, type PatchOperation } from '../patch/request.js';
import { USER_SCHEMA } from '../schema/urns.js';

const ACTIVE_PATHS = new Set(['active', `${USER_SCHEMA}:active`.toLowerCase()]);

/**
 * When a PATCH does nothing but set `active` — Okta's deactivate/reactivate
 * `{"op":"replace","value":{"active":false}}`, or `{"op":"Replace","path":"active","value":"False"}`
 * from other clients — the new value; otherwise undefined (the general PATCH path handles it,
 * including every validation error). The body is read by the same parser as every PATCH.
 */
export function activationChange(body: unknown): boolean | undefined {
  let operations: PatchOperation[];
  try {
    operations = parsePatchRequest(body);
  } catch (error) {
    if (isRosterError(error)) return undefined;
    throw error;
  }
  let active: boolean | undefined;
  for (const operation of operations) {
    const value = activeValueOf(operation);
    if (value === undefined) return undefined;
    active = value;
  }
  return active;
}

function activeValueOf({ op, path, value }: PatchOperation): boolean | undefined {
  if (op === 'remove') return undefined;
  if (path !== undefined) return ACTIVE_PATHS.has(path.toLowerCase()) ? booleanValue(value) : undefined;
  if (!isJsonObject(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1 || !ACTIVE_PATHS.has(entries[0]![0].toLowerCase())) return undefined;
  return booleanValue(entries[0]![1]);
}
