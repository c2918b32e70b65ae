import { mutability } from '../../errors.js';
import { getMember, removeMember, type JsonObject } from '../json.js';
import { readContainer } from '../schema-container.js';
import type { ResourceSchema, SchemaDefinition } from '../schema/types.js';
import { coerceValue } from './coerce.js';
import { elementsOf, sameElement, storeElements } from './elements.js';
import { assertModifiable } from './mutability.js';
import { elementMatcher, type AttributeTarget } from './target.js';

/**
 * RFC 7644 section 3.5.2.2. Removing what is not there is a no-op (e.g. a member who is not a
 * member). A value on a multi-valued path lists the elements to remove: the
 * `{"op":"remove","path":"members","value":[{"value":"<id>"}]}` form some clients send.
 */
export function removeTarget(
  resource: JsonObject,
  target: AttributeTarget,
  value: unknown,
  resourceSchema: ResourceSchema,
): void {
  const { attribute, subAttribute, filter, label } = target;
  if (attribute.mutability === 'readOnly' || subAttribute?.mutability === 'readOnly') throw mutability(`${label} is read-only.`);
  const container = readContainer(resource, target.schema, resourceSchema);
  if (!container) return;
  if (!subAttribute && !filter) {
    if (attribute.multiValued && value !== undefined && value !== null) {
      const doomed = coerceValue(attribute, value, label) as unknown[];
      const kept = elementsOf(container, attribute).filter((element) => !doomed.some((item) => sameElement(attribute, element, item)));
      return storeElements(container, attribute, kept);
    }
    const current = getMember(container, attribute.name);
    if (current === undefined) return;
    assertModifiable(attribute, label, current, undefined);
    return removeMember(container, attribute.name);
  }
  const elements = elementsOf(container, attribute);
  const selected = elements.filter(elementMatcher(target));
  if (!subAttribute) return storeElements(container, attribute, elements.filter((element) => !selected.includes(element)));
  for (const element of selected) {
    assertModifiable(subAttribute, label, getMember(element, subAttribute.name), undefined);
    removeMember(element, subAttribute.name);
  }
  storeElements(container, attribute, elements);
}

/** Removing a whole extension removes what clients may write; the server-owned read-only attributes stay. */
export function removeSchema(resource: JsonObject, schema: SchemaDefinition, resourceSchema: ResourceSchema): void {
  const container = readContainer(resource, schema, resourceSchema);
  if (!container) return;
  for (const attribute of schema.attributes) {
    if (attribute.mutability === 'readOnly') continue;
    const current = getMember(container, attribute.name);
    if (current === undefined) continue;
    assertModifiable(attribute, `${schema.id}:${attribute.name}`, current, undefined);
    removeMember(container, attribute.name);
  }
}
