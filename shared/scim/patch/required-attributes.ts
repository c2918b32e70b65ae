import { invalidValue } from '../../errors.js';
import { getMember, isPresent, type JsonObject } from '../json.js';
import { readContainer } from '../schema-container.js';
import type { ResourceSchema } from '../schema/types.js';

/** A PATCH may not leave a required attribute (userName, a group's displayName) unassigned. */
export function assertRequiredKept(before: JsonObject, after: JsonObject, resourceSchema: ResourceSchema): void {
  for (const schema of [resourceSchema.core, ...resourceSchema.extensions]) {
    for (const attribute of schema.attributes.filter((candidate) => candidate.required)) {
      const had = isPresent(getMember(readContainer(before, schema, resourceSchema) ?? {}, attribute.name));
      const has = isPresent(getMember(readContainer(after, schema, resourceSchema) ?? {}, attribute.name));
      if (had && !has) throw invalidValue(`${attribute.name} is required: it cannot be removed or emptied.`);
    }
  }
}
