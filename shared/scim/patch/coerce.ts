import { invalidValue } from '../../errors.js';
import { booleanValue } from '../boolean-value.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { findSubAttribute } from '../schema/lookup.js';
import type { AttributeDefinition } from '../schema/types.js';

const describe = (value: unknown) => JSON.stringify(value) ?? String(value);

/**
 * Converts a client value to the attribute's type. `null` stays null (unassign). A multi-valued
 * attribute accepts one element or an array. Read-only sub-attributes inside a complex value
 * (e.g. manager.displayName) are dropped: the server owns them, as RFC 7644 says for PUT.
 */
export function coerceValue(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (value === null) return null;
  if (definition.multiValued) {
    const items = Array.isArray(value) ? value : [value];
    return items.filter((item) => item !== null).map((item) => coerceSingleValue(definition, item, label));
  }
  if (Array.isArray(value)) {
    if (value.length !== 1) throw invalidValue(`${label} is single-valued but the value is an array of ${value.length}.`);
    return coerceSingleValue(definition, value[0], label);
  }
  return coerceSingleValue(definition, value, label);
}

/** One value (one element, for a multi-valued attribute) of the attribute's type. */
export function coerceSingleValue(definition: AttributeDefinition, value: unknown, label: string): unknown {
  const wrong = (expected: string) => invalidValue(`${label} must be ${expected}; got ${describe(value)}.`);
  switch (definition.type) {
    case 'complex':
      return coerceComplex(definition, value, label);
    case 'boolean': {
      const coerced = booleanValue(value);
      if (coerced === undefined) throw wrong('a boolean');
      return coerced;
    }
    case 'integer':
      if (!Number.isInteger(value)) throw wrong('an integer');
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return value;
    case 'dateTime':
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw wrong('an ISO 8601 date-time string');
      return value;
    default:
      if (typeof value !== 'string') throw wrong('a string');
      return value;
  }
}

/** One element of a multi-valued complex attribute (a one-element array is unwrapped). */
export function coerceElement(definition: AttributeDefinition, value: unknown, label: string): JsonObject {
  const element = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return coerceComplex(definition, element, label);
}

function coerceComplex(definition: AttributeDefinition, value: unknown, label: string): JsonObject {
  if (!isJsonObject(value)) {
    // Entra ID sends the manager as a bare id: "manager": "<id>" means {"value": "<id>"}.
    const valueAttribute = findSubAttribute(definition, 'value');
    if (valueAttribute && value !== undefined && !Array.isArray(value)) {
      return { [valueAttribute.name]: coerceSingleValue(valueAttribute, value, `${label}.value`) };
    }
    throw invalidValue(`${label} must be an object of sub-attributes; got ${describe(value)}.`);
  }
  const coerced: JsonObject = {};
  for (const [key, subValue] of Object.entries(value)) {
    const subAttribute = findSubAttribute(definition, key);
    if (!subAttribute) throw invalidValue(`Unknown attribute "${label}.${key}".`);
    if (subAttribute.mutability === 'readOnly') continue;
    coerced[subAttribute.name] = coerceValue(subAttribute, subValue, `${label}.${subAttribute.name}`);
  }
  return coerced;
}
