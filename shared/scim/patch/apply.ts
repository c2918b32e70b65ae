import { invalidPath, isRosterError, noTarget, RosterError } from '../../errors.js';
import type { JsonObject } from '../json.js';
import { isCoreSchema } from '../schema/lookup.js';
import type { ResourceSchema } from '../schema/types.js';
import { syncDeclaredSchemas } from './declared-schemas.js';
import { removeSchema, removeTarget } from './remove.js';
import { parsePatchRequest, type PatchOperation } from './request.js';
import { assertRequiredKept } from './required-attributes.js';
import { resolvePatchTarget } from './target.js';
import { writeObject } from './write-object.js';
import { writeTarget } from './write.js';

function applyOperation(resource: JsonObject, operation: PatchOperation, resourceSchema: ResourceSchema): void {
  const { op, path, value } = operation;
  if (path === undefined) {
    if (op === 'remove') throw noTarget('"remove" needs a "path" naming what to remove.');
    return writeObject(resource, resourceSchema.core, value, op, resourceSchema);
  }
  const target = resolvePatchTarget(path, resourceSchema);
  if (target.kind === 'attribute') {
    return op === 'remove' ? removeTarget(resource, target, value, resourceSchema) : writeTarget(resource, target, value, op, resourceSchema);
  }
  if (op !== 'remove') return writeObject(resource, target.schema, value, op, resourceSchema);
  if (isCoreSchema(resourceSchema, target.schema)) throw invalidPath(`Path "${path}" would remove the whole resource.`);
  removeSchema(resource, target.schema, resourceSchema);
}

/** Says which operation failed, so an admin reading the client's task log can find it. */
function inOperation(error: unknown, { index, op, path }: PatchOperation): unknown {
  if (!isRosterError(error)) return error;
  const where = `Operations[${index}] (${op}${path === undefined ? '' : ` "${path}"`})`;
  return new RosterError(error.status, `${where}: ${error.detail}`, {
    scimType: error.scimType,
    code: error.code,
    details: error.details,
    headers: error.headers,
    cause: error,
  });
}

/**
 * Applies an RFC 7644 PatchOp body to a copy of `resource`, operations in order, and returns the
 * new resource; the input is never modified. All or nothing: the first failing operation throws
 * (invalidSyntax, invalidValue, invalidPath, noTarget or mutability) and nothing is to be written.
 * The result may hold a `password` (writeOnly), which the caller must not store or return.
 */
export function applyPatch(resource: JsonObject, body: unknown, resourceSchema: ResourceSchema): JsonObject {
  const operations = parsePatchRequest(body);
  const patched = structuredClone(resource);
  for (const operation of operations) {
    try {
      applyOperation(patched, operation, resourceSchema);
    } catch (error) {
      throw inOperation(error, operation);
    }
  }
  assertRequiredKept(resource, patched, resourceSchema);
  syncDeclaredSchemas(patched, resourceSchema);
  return patched;
}
