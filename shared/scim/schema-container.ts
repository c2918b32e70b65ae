import { getMember, isJsonObject, setMember, type JsonObject } from './json.js';
import { isCoreSchema } from './schema/lookup.js';
import type { ResourceSchema, SchemaDefinition } from './schema/types.js';

/** Core attributes live at the top level of a resource; extension attributes under a key equal to the extension URN. */
export function readContainer(resource: JsonObject, schema: SchemaDefinition, resourceSchema: ResourceSchema): JsonObject | undefined {
  if (isCoreSchema(resourceSchema, schema)) return resource;
  const container = getMember(resource, schema.id);
  return isJsonObject(container) ? container : undefined;
}

export function writableContainer(resource: JsonObject, schema: SchemaDefinition, resourceSchema: ResourceSchema): JsonObject {
  const existing = readContainer(resource, schema, resourceSchema);
  if (existing) return existing;
  const created: JsonObject = {};
  setMember(resource, schema.id, created);
  return created;
}
