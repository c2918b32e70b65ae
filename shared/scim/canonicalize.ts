import type { AttributeDefinition, ResourceSchema } from './schema/types.js';

/**
 * Renames the attributes of a client's resource to the schema's spelling: SCIM attribute names
 * and extension URNs are case-insensitive ("UserName", "NAME": {"GivenName"}), while the rest of
 * Roster works with canonical names. Unknown attributes are left as they are (validation drops them).
 */
export function canonicalizeResource(resource: Record<string, unknown>, schema: ResourceSchema): Record<string, unknown> {
  const result = canonicalizeObject(resource, schema.core.attributes);
  for (const extension of schema.extensions) {
    for (const key of Object.keys(result)) {
      if (key !== extension.id && key.toLowerCase() === extension.id.toLowerCase()) {
        result[extension.id] = result[key];
        delete result[key];
      }
    }
    const value = result[extension.id];
    if (isPlainObject(value)) result[extension.id] = canonicalizeObject(value, extension.attributes);
  }
  return result;
}

function canonicalizeObject(value: Record<string, unknown>, attributes: readonly AttributeDefinition[]): Record<string, unknown> {
  const byName = new Map(attributes.map((attribute) => [attribute.name.toLowerCase(), attribute]));
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    // JSON.parse makes "__proto__" an own key; assigning it would replace the prototype.
    if (key === '__proto__') continue;
    const attribute = byName.get(key.toLowerCase());
    if (!attribute) {
      result[key] = entry;
      continue;
    }
    result[attribute.name] = canonicalizeValue(entry, attribute);
  }
  return result;
}

function canonicalizeValue(value: unknown, attribute: AttributeDefinition): unknown {
  const sub = attribute.subAttributes;
  if (!sub) return value;
  if (Array.isArray(value)) return value.map((element) => (isPlainObject(element) ? canonicalizeObject(element, sub) : element));
  return isPlainObject(value) ? canonicalizeObject(value, sub) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
