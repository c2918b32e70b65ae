import { invalidFilter } from '../../errors.js';
import { formatAttributePath, type AttributePath } from '../attribute-path.js';
import { getMember, isJsonObject, isPresent, valuesOf, type JsonObject } from '../json.js';
import { readContainer } from '../schema-container.js';
import { findSubAttribute, resolveAttributePath } from '../schema/lookup.js';
import type { AttributeDefinition, ResourceSchema } from '../schema/types.js';
import type { Filter } from './ast.js';
import { compileValueTest } from './compare.js';

export type Predicate = (node: JsonObject) => boolean;

/** The values an attribute path designates in a node, and the definition they conform to. */
interface Operand {
  readonly definition: AttributeDefinition;
  readonly label: string;
  readonly read: (node: JsonObject) => unknown[];
}

/** Where paths are resolved: the resource itself, or the elements of a value-path attribute. */
type Scope = (path: AttributePath) => Operand;

const fail = (detail: string) => invalidFilter(`Invalid filter: ${detail}.`);

const subValues = (items: unknown[], name: string) =>
  items.flatMap((item) => (isJsonObject(item) ? valuesOf(getMember(item, name)) : []));

function resourceScope(resourceSchema: ResourceSchema): Scope {
  return (path) => {
    const label = formatAttributePath(path);
    const resolved = resolveAttributePath(resourceSchema, path);
    if (resolved?.kind !== 'attribute') throw fail(`unknown attribute "${label}"`);
    const { schema, attribute, subAttribute } = resolved;
    const readAttribute = (node: JsonObject) => {
      const container = readContainer(node, schema, resourceSchema);
      return container ? valuesOf(getMember(container, attribute.name)) : [];
    };
    if (!subAttribute) return { definition: attribute, label, read: readAttribute };
    return { definition: subAttribute, label, read: (node) => subValues(readAttribute(node), subAttribute.name) };
  };
}

function elementScope(parent: AttributeDefinition, parentLabel: string): Scope {
  return (path) => {
    const label = `${parentLabel}.${formatAttributePath(path)}`;
    const subAttribute =
      path.schema === undefined && path.subAttribute === undefined ? findSubAttribute(parent, path.attribute) : undefined;
    if (!subAttribute) throw fail(`unknown attribute "${label}"`);
    return { definition: subAttribute, label, read: (element) => valuesOf(getMember(element, subAttribute.name)) };
  };
}

/** RFC 7644: comparing a multi-valued complex attribute itself (`emails eq "x"`) compares its `value`. */
function comparable(operand: Operand): Operand {
  const { definition } = operand;
  const value = definition.type === 'complex' && definition.multiValued ? findSubAttribute(definition, 'value') : undefined;
  if (!value) return operand;
  return { definition: value, label: `${operand.label}.value`, read: (node) => subValues(operand.read(node), value.name) };
}

function compile(filter: Filter, scope: Scope): Predicate {
  switch (filter.kind) {
    case 'and': {
      const [left, right] = [compile(filter.left, scope), compile(filter.right, scope)];
      return (node) => left(node) && right(node);
    }
    case 'or': {
      const [left, right] = [compile(filter.left, scope), compile(filter.right, scope)];
      return (node) => left(node) || right(node);
    }
    case 'not': {
      const inner = compile(filter.filter, scope);
      return (node) => !inner(node);
    }
    case 'present': {
      const { read } = scope(filter.path);
      return (node) => read(node).some(isPresent);
    }
    case 'valuePath': {
      const { definition, label, read } = scope(filter.path);
      if (definition.type !== 'complex') throw fail(`"${label}" has no sub-attributes to filter on`);
      const matchesElement = compile(filter.filter, elementScope(definition, label));
      return (node) => read(node).some((element) => isJsonObject(element) && matchesElement(element));
    }
    case 'comparison': {
      const { definition, label, read } = comparable(scope(filter.path));
      const { operator, value } = filter;
      if (value === null) {
        // `eq null` asks for an unassigned attribute, as null means "unassigned" in SCIM JSON.
        if (operator !== 'eq' && operator !== 'ne') throw fail(`${label} ${operator} null: only eq and ne accept null`);
        return operator === 'eq' ? (node) => !read(node).some(isPresent) : (node) => read(node).some(isPresent);
      }
      if (operator === 'ne') {
        const equals = compileValueTest(definition, 'eq', value, label);
        return (node) => !read(node).some(equals);
      }
      const test = compileValueTest(definition, operator, value, label);
      return (node) => read(node).some(test);
    }
  }
}

/**
 * Compiles a filter for a resource type once, checking every attribute and operator against the
 * schema (invalidFilter on unknown attributes or meaningless comparisons), so a list request fails
 * the same way whether or not there are candidates to test.
 */
export function compileFilter(filter: Filter, resourceSchema: ResourceSchema): Predicate {
  return compile(filter, resourceScope(resourceSchema));
}

/** Compiles a value filter (`type eq "work"` in `emails[type eq "work"]`) that tests elements of `attribute`. */
export function compileElementFilter(filter: Filter, attribute: AttributeDefinition, label: string = attribute.name): Predicate {
  return compile(filter, elementScope(attribute, label));
}

/**
 * Attribute names are case-insensitive; strings compare case-insensitively unless the attribute is
 * caseExact; a multi-valued attribute matches when any value matches, except `ne`, which holds when
 * no value equals the operand (so it also holds when the attribute is absent).
 */
export function matchesFilter(filter: Filter, resource: JsonObject, resourceSchema: ResourceSchema): boolean {
  return compileFilter(filter, resourceSchema)(resource);
}
