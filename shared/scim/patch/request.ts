import { invalidSyntax, invalidValue } from '../../errors.js';
import { findKey, getMember, isJsonObject } from '../json.js';
import { PATCH_OP } from '../schema/urns.js';

export type PatchOperationKind = 'add' | 'replace' | 'remove';

export interface PatchOperation {
  readonly op: PatchOperationKind;
  /** Trimmed; absent when the client sent none or an empty one. */
  readonly path?: string;
  /** Absent only for remove, where a value is optional. */
  readonly value?: unknown;
  /** Position in `Operations`, for error details. */
  readonly index: number;
}

const KINDS: readonly string[] = ['add', 'replace', 'remove'];

/** Validates an RFC 7644 section 3.5.2 PatchOp body; `op` is accepted in any letter case. */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isJsonObject(body)) throw invalidSyntax('The PATCH body must be a JSON object with "schemas" and "Operations".');
  const schemas = getMember(body, 'schemas');
  const declaresPatchOp =
    Array.isArray(schemas) && schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === PATCH_OP.toLowerCase());
  if (!declaresPatchOp) throw invalidSyntax(`The PATCH body's "schemas" must contain "${PATCH_OP}".`);
  const operations = getMember(body, 'Operations');
  if (!Array.isArray(operations)) throw invalidSyntax('The PATCH body must have an "Operations" array.');
  if (operations.length === 0) throw invalidSyntax('"Operations" is empty; a PATCH needs at least one operation.');
  return operations.map(parseOperation);
}

function parseOperation(raw: unknown, index: number): PatchOperation {
  const where = `Operations[${index}]`;
  if (!isJsonObject(raw)) throw invalidSyntax(`${where} must be an object with "op", "path" and "value".`);
  const op = getMember(raw, 'op');
  if (typeof op !== 'string' || !KINDS.includes(op.toLowerCase())) {
    throw invalidSyntax(`${where}.op is ${JSON.stringify(op) ?? 'missing'}; expected "add", "replace" or "remove".`);
  }
  const kind = op.toLowerCase() as PatchOperationKind;
  const path = getMember(raw, 'path');
  if (path !== undefined && path !== null && typeof path !== 'string') throw invalidSyntax(`${where}.path must be a string.`);
  const valueKey = findKey(raw, 'value');
  if (valueKey === undefined && kind !== 'remove') throw invalidValue(`${where}: "${kind}" needs a "value".`);
  const trimmedPath = typeof path === 'string' && path.trim() !== '' ? path.trim() : undefined;
  return {
    op: kind,
    ...(trimmedPath === undefined ? {} : { path: trimmedPath }),
    ...(valueKey === undefined ? {} : { value: raw[valueKey] }),
    index,
  };
}
