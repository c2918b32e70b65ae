import { isJsonObject, type JsonObject } from './json.js';
import { META_ATTRIBUTE } from './schema/common-attributes.js';
import { findAttribute, findExtension, findSubAttribute, resolveAttributePath } from './schema/lookup.js';
import type { AttributeDefinition, ResourceSchema, SchemaDefinition } from './schema/types.js';

/** The `attributes` / `excludedAttributes` query parameters (RFC 7644 section 3.9); `attributes` wins when both are given. */
export interface AttributeSelection {
  readonly attributes?: readonly string[];
  readonly excludedAttributes?: readonly string[];
}

/** Names listed in a query parameter, resolved against the schema; unknown names are ignored. */
interface NamedAttributes {
  readonly schemas: ReadonlySet<SchemaDefinition>;
  /** 'all', or the sub-attributes named (`emails.value`). */
  readonly attributes: ReadonlyMap<AttributeDefinition, 'all' | ReadonlySet<AttributeDefinition>>;
}

type Decision =
  | { readonly kind: 'omit' }
  | { readonly kind: 'whole' }
  | { readonly kind: 'only'; readonly subAttributes: ReadonlySet<AttributeDefinition> }
  | { readonly kind: 'without'; readonly subAttributes: ReadonlySet<AttributeDefinition> };

const OMIT: Decision = { kind: 'omit' };
const WHOLE: Decision = { kind: 'whole' };

export function parseAttributeList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function nameAttributes(names: readonly string[], resourceSchema: ResourceSchema): NamedAttributes {
  const schemas = new Set<SchemaDefinition>();
  const attributes = new Map<AttributeDefinition, 'all' | Set<AttributeDefinition>>();
  for (const name of names) {
    const resolved = resolveAttributePath(resourceSchema, name);
    if (!resolved) continue;
    if (resolved.kind === 'schema') {
      schemas.add(resolved.schema);
      continue;
    }
    const existing = attributes.get(resolved.attribute);
    if (!resolved.subAttribute) attributes.set(resolved.attribute, 'all');
    else if (existing === undefined) attributes.set(resolved.attribute, new Set([resolved.subAttribute]));
    else if (existing !== 'all') existing.add(resolved.subAttribute);
  }
  return { schemas, attributes };
}

// meta is "default" in RFC 7643, but clients rely on it (version, location), so like id and schemas it always comes back.
const alwaysReturned = (attribute: AttributeDefinition) => attribute.returned === 'always' || attribute === META_ATTRIBUTE;

type Decide = (schema: SchemaDefinition, attribute: AttributeDefinition) => Decision;

function decider(selection: AttributeSelection, resourceSchema: ResourceSchema): Decide {
  const decideByReturned: Decide = (_schema, attribute) => {
    if (attribute.returned === 'never') return OMIT;
    if (alwaysReturned(attribute)) return WHOLE;
    return attribute.returned === 'request' ? OMIT : WHOLE;
  };
  if (selection.attributes?.length) {
    const requested = nameAttributes(selection.attributes, resourceSchema);
    return (schema, attribute) => {
      const byDefault = decideByReturned(schema, attribute);
      if (attribute.returned === 'never' || alwaysReturned(attribute)) return byDefault;
      const named = requested.attributes.get(attribute);
      if (named === 'all') return WHOLE;
      if (named) return { kind: 'only', subAttributes: named };
      return requested.schemas.has(schema) ? byDefault : OMIT;
    };
  }
  if (selection.excludedAttributes?.length) {
    const excluded = nameAttributes(selection.excludedAttributes, resourceSchema);
    return (schema, attribute) => {
      const byDefault = decideByReturned(schema, attribute);
      if (byDefault.kind === 'omit' || alwaysReturned(attribute)) return byDefault;
      const named = excluded.attributes.get(attribute);
      if (named === 'all' || excluded.schemas.has(schema)) return OMIT;
      return named ? { kind: 'without', subAttributes: named } : WHOLE;
    };
  }
  return decideByReturned;
}

function keepsSubAttribute(decision: Decision, subAttribute: AttributeDefinition): boolean {
  if (subAttribute.returned === 'never') return false;
  if (subAttribute.returned === 'always') return true;
  if (decision.kind === 'only') return decision.subAttributes.has(subAttribute);
  if (subAttribute.returned === 'request') return false;
  return decision.kind !== 'without' || !decision.subAttributes.has(subAttribute);
}

function projectElement(element: JsonObject, attribute: AttributeDefinition, decision: Decision): JsonObject | undefined {
  const projected = Object.fromEntries(
    Object.entries(element).filter(([name]) => {
      const subAttribute = findSubAttribute(attribute, name);
      return !subAttribute || keepsSubAttribute(decision, subAttribute);
    }),
  );
  return Object.keys(projected).length > 0 ? projected : undefined;
}

function projectValue(value: unknown, attribute: AttributeDefinition, decision: Decision): unknown {
  if (decision.kind === 'omit') return undefined;
  if (attribute.type !== 'complex') return value;
  if (Array.isArray(value)) {
    const elements = value.map((element) => (isJsonObject(element) ? projectElement(element, attribute, decision) : element));
    const kept = elements.filter((element) => element !== undefined);
    return kept.length > 0 ? kept : undefined;
  }
  return isJsonObject(value) ? projectElement(value, attribute, decision) : value;
}

function projectContainer(
  container: JsonObject,
  schema: SchemaDefinition,
  decide: Decide,
  resourceSchema: ResourceSchema,
  keepUnknown: boolean,
): JsonObject {
  const kept: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(container)) {
    const extension = schema === resourceSchema.core ? findExtension(resourceSchema, key) : undefined;
    if (extension) {
      const inner = isJsonObject(value) ? projectContainer(value, extension, decide, resourceSchema, keepUnknown) : {};
      if (Object.keys(inner).length > 0) kept.push([key, inner]);
      continue;
    }
    const attribute = findAttribute(resourceSchema, schema, key);
    const projected = attribute ? projectValue(value, attribute, decide(schema, attribute)) : keepUnknown ? value : undefined;
    if (projected !== undefined) kept.push([key, projected]);
  }
  // fromEntries defines own properties, so even a "__proto__" key stays plain data
  return Object.fromEntries(kept);
}

/**
 * Shapes a resource for a response: `returned: never` (password) is always dropped, `always` (id,
 * schemas) and meta are always kept, `request` only when named in `attributes`. Names are
 * case-insensitive and may be dotted (`name.givenName`, `emails.value`), URN-qualified
 * (`urn:…:enterprise:2.0:User:manager`) or a whole extension URN.
 */
export function projectAttributes(resource: JsonObject, selection: AttributeSelection, resourceSchema: ResourceSchema): JsonObject {
  const decide = decider(selection, resourceSchema);
  const keepUnknown = !selection.attributes?.length;
  return projectContainer(resource, resourceSchema.core, decide, resourceSchema, keepUnknown);
}

/**
 * Whether a response shaped by `selection` contains `attribute` (a top-level name or path), so a
 * caller can skip loading it: needsAttribute({ excludedAttributes: ['members'] }, 'members', …) is false.
 */
export function needsAttribute(selection: AttributeSelection, attribute: string, resourceSchema: ResourceSchema): boolean {
  const resolved = resolveAttributePath(resourceSchema, attribute);
  if (!resolved) return false;
  const decide = decider(selection, resourceSchema);
  if (resolved.kind === 'schema') {
    return resolved.schema.attributes.some((candidate) => decide(resolved.schema, candidate).kind !== 'omit');
  }
  const decision = decide(resolved.schema, resolved.attribute);
  if (decision.kind === 'omit') return false;
  return resolved.subAttribute === undefined || keepsSubAttribute(decision, resolved.subAttribute);
}
