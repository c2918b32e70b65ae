import { noTarget } from '../../errors.js';
import type { CompareValue, Filter } from '../filter/ast.js';
import type { JsonObject } from '../json.js';
import { findSubAttribute } from '../schema/lookup.js';
import { coerceSingleValue } from './coerce.js';
import type { AttributeTarget } from './target.js';

function equalities(filter: Filter): Array<[string, CompareValue]> | undefined {
  if (filter.kind === 'comparison' && filter.operator === 'eq' && filter.path.subAttribute === undefined) {
    return [[filter.path.attribute, filter.value]];
  }
  if (filter.kind !== 'and') return undefined;
  const [left, right] = [equalities(filter.left), equalities(filter.right)];
  return left && right && [...left, ...right];
}

/**
 * The element an add creates when its value filter matches nothing: Entra ID adds
 * `emails[type eq "work"].value` to users without a work email, meaning {"type": "work", "value": …}.
 * Only a conjunction of `eq` conditions says what the new element is.
 */
export function elementFromFilter(target: AttributeTarget): JsonObject {
  const { filter, attribute, label } = target;
  if (!filter) return {};
  const conditions = equalities(filter);
  if (!conditions) {
    throw noTarget(`No value of ${attribute.name} matches "${label}", and its filter is not a set of "eq" conditions to create one from.`);
  }
  const element: JsonObject = {};
  for (const [name, value] of conditions) {
    const subAttribute = findSubAttribute(attribute, name);
    if (subAttribute && value !== null) element[subAttribute.name] = coerceSingleValue(subAttribute, value, `${attribute.name}.${name}`);
  }
  return element;
}
