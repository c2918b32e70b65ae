import { deepEqual, getMember, type JsonObject } from '../json.js';
import { readContainer } from '../schema-container.js';
import { attributesOf, canonicalPath } from '../schema/lookup.js';
import type { ResourceSchema } from '../schema/types.js';

/**
 * The top-level attributes whose values differ between two versions of a resource, as canonical
 * paths (`active`, `urn:…:enterprise:2.0:User:manager`). Lets the store take a fast path, e.g. when
 * a PATCH changed nothing but `active`, and skip writes when nothing changed at all.
 */
export function changedAttributes(before: JsonObject, after: JsonObject, resourceSchema: ResourceSchema): string[] {
  const changed: string[] = [];
  for (const schema of [resourceSchema.core, ...resourceSchema.extensions]) {
    const [old, current] = [readContainer(before, schema, resourceSchema), readContainer(after, schema, resourceSchema)];
    for (const attribute of attributesOf(resourceSchema, schema)) {
      const oldValue = old && getMember(old, attribute.name);
      const newValue = current && getMember(current, attribute.name);
      if (!deepEqual(oldValue, newValue)) changed.push(canonicalPath(resourceSchema, { kind: 'attribute', schema, attribute }));
    }
  }
  return changed;
}
