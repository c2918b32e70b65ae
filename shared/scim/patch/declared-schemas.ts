import { isPresent, removeMember, setMember, type JsonObject } from '../json.js';
import { readContainer } from '../schema-container.js';
import type { ResourceSchema } from '../schema/types.js';

/** Keeps `schemas` listing the core schema and exactly the extensions the resource now carries. */
export function syncDeclaredSchemas(resource: JsonObject, resourceSchema: ResourceSchema): void {
  const carried = resourceSchema.extensions.filter((extension) => {
    const container = readContainer(resource, extension, resourceSchema);
    if (container && !isPresent(container)) removeMember(resource, extension.id);
    return container !== undefined && isPresent(container);
  });
  const schemas = [resourceSchema.core.id, ...carried.map((extension) => extension.id)];
  if (Object.hasOwn(resource, 'schemas')) resource.schemas = schemas;
  else setMember(resource, 'schemas', schemas);
}
