import { isJsonObject, type JsonObject } from './json.js';
import { findAttribute, findExtension, findSubAttribute } from './schema/lookup.js';
import type { AttributeDefinition, ResourceSchema } from './schema/types.js';

/**
 * Renames the attributes of a client's resource to the schema's spelling: SCIM attribute names
 * and extension URNs are case-insensitive ("UserName", "NAME": {"GivenName"}), while the rest of
 * Roster works with canonical names. Unknown attributes are left as they are (validation drops them).
 */
export function canonicalizeResource(resource: JsonObject, schema: ResourceSchema): JsonObject {
  return renameKeys(resource, (key, value) => {
    const extension = findExtension(schema, key);
    if (extension) {
      return [extension.id, isJsonObject(value) ? renameKeys(value, byAttribute((name) => findAttribute(schema, extension, name))) : value];
    }
    const attribute = findAttribute(schema, schema.core, key);
    return attribute ? [attribute.name, canonicalizeValue(value, attribute)] : [key, value];
  });
}

function byAttribute(find: (name: string) => AttributeDefinition | undefined) {
  return (key: string, value: unknown): [string, unknown] => {
    const attribute = find(key);
    return attribute ? [attribute.name, canonicalizeValue(value, attribute)] : [key, value];
  };
}

function canonicalizeValue(value: unknown, attribute: AttributeDefinition): unknown {
  if (!attribute.subAttributes) return value;
  const rename = (element: unknown) =>
    isJsonObject(element) ? renameKeys(element, byAttribute((name) => findSubAttribute(attribute, name))) : element;
  return Array.isArray(value) ? value.map(rename) : rename(value);
}

function renameKeys(object: JsonObject, rename: (key: string, value: unknown) => [string, unknown]): JsonObject {
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    // JSON.parse makes "__proto__" an own key; assigning it would replace the prototype.
    if (key === '__proto__') continue;
    const [name, renamed] = rename(key, value);
    result[name] = renamed;
  }
  return result;
}
