import { deepEqual, getMember, isJsonObject, removeMember, setMember, type JsonObject } from '../json.js';
import { findSubAttribute } from '../schema/lookup.js';
import type { AttributeDefinition } from '../schema/types.js';
import { assertModifiable } from './mutability.js';

/**
 * Element-level view of a complex attribute: the elements of a multi-valued one, or the single
 * object as a list of zero or one, so filters and sub-attribute paths work the same on both.
 */
export function elementsOf(container: JsonObject, attribute: AttributeDefinition): JsonObject[] {
  const value = getMember(container, attribute.name);
  if (attribute.multiValued) return Array.isArray(value) ? value.filter(isJsonObject) : [];
  return isJsonObject(value) ? [value] : [];
}

/** Writes elements back; an empty list or object unassigns the attribute. */
export function storeElements(container: JsonObject, attribute: AttributeDefinition, elements: JsonObject[]): void {
  const kept = elements.filter((element) => Object.keys(element).length > 0);
  if (kept.length === 0) removeMember(container, attribute.name);
  else setMember(container, attribute.name, attribute.multiValued ? kept : kept[0]);
}

const sameScalar = (a: unknown, b: unknown, caseExact: boolean) =>
  typeof a === 'string' && typeof b === 'string' && !caseExact ? a.toLowerCase() === b.toLowerCase() : deepEqual(a, b);

/**
 * Two elements are the same value when their `value`s match (and their `type`s, when both have
 * one): adding a member or email that is already there must not duplicate it.
 */
export function sameElement(attribute: AttributeDefinition, a: unknown, b: unknown): boolean {
  const valueAttribute = findSubAttribute(attribute, 'value');
  if (!valueAttribute || !isJsonObject(a) || !isJsonObject(b)) return deepEqual(a, b);
  const [valueA, valueB] = [getMember(a, 'value'), getMember(b, 'value')];
  if (valueA === undefined || valueB === undefined) return deepEqual(a, b);
  if (!sameScalar(valueA, valueB, valueAttribute.caseExact)) return false;
  const [typeA, typeB] = [getMember(a, 'type'), getMember(b, 'type')];
  return typeA === undefined || typeB === undefined || sameScalar(typeA, typeB, false);
}

/**
 * Sets the sub-attributes of `incoming` on `element` (null unassigns). With `keepImmutable`, an
 * immutable sub-attribute that differs is left alone instead of failing: used when an add finds
 * the element already there, e.g. a member re-added with another display name.
 */
export function mergeIntoElement(
  element: JsonObject,
  incoming: JsonObject,
  attribute: AttributeDefinition,
  label: string,
  keepImmutable = false,
): void {
  for (const [name, value] of Object.entries(incoming)) {
    const subAttribute = findSubAttribute(attribute, name);
    if (!subAttribute) continue;
    const current = getMember(element, name);
    const next = value === null ? undefined : value;
    if (keepImmutable && subAttribute.mutability === 'immutable' && current !== undefined) continue;
    assertModifiable(subAttribute, `${label}.${subAttribute.name}`, current, next);
    if (next === undefined) removeMember(element, name);
    else setMember(element, subAttribute.name, next);
  }
}

export function withoutNulls(element: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(element).filter(([, value]) => value !== null));
}

/** At most one element may be primary (RFC 7643 section 2.4): the one written last wins. */
export function keepOnePrimary(elements: JsonObject[], written: readonly JsonObject[]): void {
  const chosen = written.findLast((element) => getMember(element, 'primary') === true);
  if (!chosen) return;
  for (const element of elements) {
    if (element !== chosen && getMember(element, 'primary') === true) setMember(element, 'primary', false);
  }
}
