import { invalidValue, mutability, noTarget } from '../../errors.js';
import { deepEqual, getMember, isJsonObject, setMember, type JsonObject } from '../json.js';
import { writableContainer } from '../schema-container.js';
import type { ResourceSchema } from '../schema/types.js';
import { coerceElement, coerceValue } from './coerce.js';
import { elementFromFilter } from './element-from-filter.js';
import { elementsOf, keepOnePrimary, mergeIntoElement, sameElement, storeElements, withoutNulls } from './elements.js';
import { assertModifiable } from './mutability.js';
import { removeTarget } from './remove.js';
import { elementMatcher, type AttributeTarget } from './target.js';

export type WriteKind = 'add' | 'replace';

/** RFC 7644 sections 3.5.2.1 (add) and 3.5.2.3 (replace) on one target; null unassigns on replace. */
export function writeTarget(
  resource: JsonObject,
  target: AttributeTarget,
  value: unknown,
  kind: WriteKind,
  resourceSchema: ResourceSchema,
): void {
  if (value === null) {
    if (kind === 'add') throw invalidValue(`"add" on ${target.label} needs a value; to unassign it, use "remove".`);
    return removeTarget(resource, target, undefined, resourceSchema);
  }
  const container = writableContainer(resource, target.schema, resourceSchema);
  if (target.subAttribute || target.filter) writeElements(container, target, value, kind);
  else writeAttribute(container, target, value, kind);
}

function writeAttribute(container: JsonObject, target: AttributeTarget, value: unknown, kind: WriteKind): void {
  const { attribute, label } = target;
  const current = getMember(container, attribute.name);
  if (attribute.mutability === 'readOnly') return assertModifiable(attribute, label, current, value);
  const coerced = coerceValue(attribute, value, label);
  if (attribute.type !== 'complex') {
    assertModifiable(attribute, label, current, coerced);
    return setMember(container, attribute.name, coerced);
  }
  if (!attribute.multiValued) {
    // A complex value sets the sub-attributes it names and leaves the others, for add and replace alike.
    const element = isJsonObject(current) ? current : {};
    mergeIntoElement(element, coerced as JsonObject, attribute, attribute.name);
    return storeElements(container, attribute, [element]);
  }
  const elements = kind === 'add' ? elementsOf(container, attribute) : [];
  const written: JsonObject[] = [];
  for (const item of (coerced as JsonObject[]).map(withoutNulls)) {
    const existing = elements.find((element) => sameElement(attribute, element, item));
    if (existing) mergeIntoElement(existing, item, attribute, attribute.name, true);
    else elements.push(item);
    written.push(existing ?? item);
  }
  keepOnePrimary(elements, written);
  storeElements(container, attribute, elements);
}

function writeElements(container: JsonObject, target: AttributeTarget, value: unknown, kind: WriteKind): void {
  const { attribute, subAttribute, filter, label } = target;
  const elements = elementsOf(container, attribute);
  const selected = elements.filter(elementMatcher(target));
  if (subAttribute?.mutability === 'readOnly') {
    const unchanged = selected.length > 0 && selected.every((element) => deepEqual(getMember(element, subAttribute.name), value));
    if (unchanged) return;
    throw mutability(`${label} is read-only.`);
  }
  const incoming: JsonObject = subAttribute
    ? { [subAttribute.name]: coerceValue(subAttribute, value, label) }
    : withoutNulls(coerceElement(attribute, value, label));
  if (selected.length === 0) {
    const mayCreate = (kind === 'add' || !filter) && (attribute.multiValued || elements.length === 0);
    if (!mayCreate) throw noTarget(`No value of ${attribute.name} matches the filter in path "${label}".`);
    const created = { ...elementFromFilter(target), ...incoming };
    elements.push(created);
    selected.push(created);
  } else if (kind === 'replace' && !subAttribute) {
    // RFC 7644 section 3.5.2.3: every matching value is replaced by the given one.
    for (const [index, element] of selected.entries()) {
      const replacement = { ...incoming };
      elements.splice(elements.indexOf(element), 1, replacement);
      selected[index] = replacement;
    }
  } else {
    for (const element of selected) mergeIntoElement(element, incoming, attribute, attribute.name);
  }
  keepOnePrimary(elements, selected);
  storeElements(container, attribute, elements);
}
