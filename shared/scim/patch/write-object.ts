import { invalidValue } from '../../errors.js';
import { parseAttributePath } from '../attribute-path.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { IMPLICIT_COMMON_ATTRIBUTES } from '../schema/common-attributes.js';
import { isCoreSchema, resolveAttributePath } from '../schema/lookup.js';
import type { AttributeDefinition, ResourceSchema, SchemaDefinition } from '../schema/types.js';
import { writeTarget, type WriteKind } from './write.js';

const serverDerived: readonly AttributeDefinition[] = IMPLICIT_COMMON_ATTRIBUTES;

/**
 * A path-less add/replace (or one whose path is a whole extension URN): each key of the value is an
 * attribute path relative to `schema` — a name, a dotted `name.givenName`, a full URN path, or an
 * extension URN whose value holds that extension's attributes. `schemas` and `meta` echoed back by
 * clients are ignored: the server derives them.
 */
export function writeObject(
  resource: JsonObject,
  schema: SchemaDefinition,
  value: unknown,
  kind: WriteKind,
  resourceSchema: ResourceSchema,
): void {
  if (!isJsonObject(value)) {
    throw invalidValue(`"${kind}" without a path (or with a schema URN as path) needs an object of attributes as its value.`);
  }
  for (const [key, item] of Object.entries(value)) {
    const path = parseAttributePath(key);
    const resolved = path && resolveAttributePath(resourceSchema, path.schema === undefined ? { ...path, schema: schema.id } : path);
    if (!resolved) {
      throw invalidValue(`Unknown attribute "${key}"${isCoreSchema(resourceSchema, schema) ? '' : ` in ${schema.id}`}.`);
    }
    if (resolved.kind === 'schema') writeObject(resource, resolved.schema, item, kind, resourceSchema);
    else if (!serverDerived.includes(resolved.attribute)) writeTarget(resource, { ...resolved, label: key }, item, kind, resourceSchema);
  }
}
