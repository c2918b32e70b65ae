import { invalidFilter, type RosterError } from '../../errors.js';
import { formatAttributePath, type AttributePath } from '../attribute-path.js';
import { canonicalPath, findSubAttribute, resolveAttributePath } from '../schema/lookup.js';
import type { AttributeDefinition, ResourceSchema } from '../schema/types.js';
import { GROUP_SCHEMA, USER_SCHEMA } from '../schema/urns.js';
import type { Filter } from './ast.js';
import { compileFilter } from './evaluate.js';

export type LookupAttribute = 'id' | 'userName' | 'externalId' | 'email' | 'displayName' | 'memberValue';

/** A key the store can look resources up by, and the canonical attribute path it indexes. */
export interface LookupKey {
  readonly attribute: LookupAttribute;
  readonly path: string;
}

export const USER_LOOKUP_KEYS: readonly LookupKey[] = [
  { attribute: 'id', path: 'id' },
  { attribute: 'userName', path: 'userName' },
  { attribute: 'externalId', path: 'externalId' },
  { attribute: 'email', path: 'emails.value' },
];

export const GROUP_LOOKUP_KEYS: readonly LookupKey[] = [
  { attribute: 'id', path: 'id' },
  { attribute: 'displayName', path: 'displayName' },
  { attribute: 'externalId', path: 'externalId' },
  { attribute: 'memberValue', path: 'members.value' },
];

const LOOKUP_KEYS_BY_SCHEMA: Record<string, readonly LookupKey[]> = {
  [USER_SCHEMA]: USER_LOOKUP_KEYS,
  [GROUP_SCHEMA]: GROUP_LOOKUP_KEYS,
};

export const lookupKeysFor = (resourceSchema: ResourceSchema): readonly LookupKey[] =>
  LOOKUP_KEYS_BY_SCHEMA[resourceSchema.core.id] ?? [];

/** Lower is more selective: prefer it when either side of an `and` could be looked up. */
const PREFERENCE: Record<LookupAttribute, number> = { id: 0, userName: 1, displayName: 1, externalId: 2, email: 3, memberValue: 3 };

/**
 * `value` is passed through as the client wrote it: the store must match it case-insensitively
 * when `caseExact` is false (userName, emails, displayName), exactly otherwise (id, externalId).
 */
export interface Lookup {
  readonly attribute: LookupAttribute;
  readonly value: string;
  readonly caseExact: boolean;
}

/**
 * `lookups` are alternatives whose union holds every match (a superset); the caller fetches them
 * and keeps the candidates for which matchesFilter(residual) holds, so the answer is exact.
 */
export type FilterPlan =
  | { readonly kind: 'lookup'; readonly lookups: readonly Lookup[]; readonly residual: Filter }
  | { readonly kind: 'unsupported'; readonly reason: string };

type NodePlan = { readonly lookups: readonly Lookup[] } | { readonly reason: string };

/** Resolves a path to the canonical path and definition of the value it compares. */
type PathResolver = (path: AttributePath) => { canonical: string; leaf: AttributeDefinition } | undefined;

interface Context {
  readonly keys: readonly LookupKey[];
  readonly resolve: PathResolver;
  readonly resourceSchema: ResourceSchema;
}

const valueOf = (attribute: AttributeDefinition) =>
  attribute.type === 'complex' && attribute.multiValued ? findSubAttribute(attribute, 'value') : undefined;

function resourcePaths(resourceSchema: ResourceSchema): PathResolver {
  return (path) => {
    const resolved = resolveAttributePath(resourceSchema, path);
    if (resolved?.kind !== 'attribute') return undefined;
    const canonical = canonicalPath(resourceSchema, resolved);
    if (resolved.subAttribute) return { canonical, leaf: resolved.subAttribute };
    const value = valueOf(resolved.attribute);
    return value ? { canonical: `${canonical}.value`, leaf: value } : { canonical, leaf: resolved.attribute };
  };
}

function elementPaths(parent: AttributeDefinition, parentPath: string): PathResolver {
  return (path) => {
    const leaf = findSubAttribute(parent, path.attribute);
    return leaf && { canonical: `${parentPath}.${leaf.name}`, leaf };
  };
}

const rank = (lookups: readonly Lookup[]) => Math.max(...lookups.map((lookup) => PREFERENCE[lookup.attribute]));

function better(left: NodePlan, right: NodePlan): NodePlan {
  if (!('lookups' in right)) return left;
  if (!('lookups' in left)) return right;
  const byRank = rank(left.lookups) - rank(right.lookups);
  return byRank < 0 || (byRank === 0 && left.lookups.length <= right.lookups.length) ? left : right;
}

function planNode(filter: Filter, context: Context): NodePlan {
  switch (filter.kind) {
    case 'and':
      return better(planNode(filter.left, context), planNode(filter.right, context));
    case 'or': {
      const left = planNode(filter.left, context);
      if (!('lookups' in left)) return left;
      const right = planNode(filter.right, context);
      return 'lookups' in right ? { lookups: [...left.lookups, ...right.lookups] } : right;
    }
    case 'not':
      return { reason: '"not" cannot be answered by a lookup' };
    case 'present':
      return { reason: `"pr" on ${formatAttributePath(filter.path)} cannot be answered by a lookup` };
    case 'valuePath': {
      const parent = resolveAttributePath(context.resourceSchema, filter.path);
      if (parent?.kind !== 'attribute') return { reason: `unknown attribute ${formatAttributePath(filter.path)}` };
      const parentPath = canonicalPath(context.resourceSchema, parent);
      return planNode(filter.filter, { ...context, resolve: elementPaths(parent.attribute, parentPath) });
    }
    case 'comparison': {
      const label = formatAttributePath(filter.path);
      if (filter.operator !== 'eq') return { reason: `"${filter.operator}" on ${label} cannot be answered by a lookup` };
      const resolved = context.resolve(filter.path);
      const key = resolved && context.keys.find((candidate) => candidate.path.toLowerCase() === resolved.canonical.toLowerCase());
      if (!resolved || !key) return { reason: `${resolved?.canonical ?? label} is not a lookup attribute` };
      if (typeof filter.value !== 'string') return { reason: `${label} must be compared with a string` };
      return { lookups: [{ attribute: key.attribute, value: filter.value, caseExact: resolved.leaf.caseExact }] };
    }
  }
}

function distinct(lookups: readonly Lookup[]): Lookup[] {
  const seen = new Map<string, Lookup>();
  for (const lookup of lookups) {
    const key = `${lookup.attribute}\u0000${lookup.caseExact ? lookup.value : lookup.value.toLowerCase()}`;
    if (!seen.has(key)) seen.set(key, lookup);
  }
  return [...seen.values()];
}

/**
 * Decides which key lookups answer a filter without a scan. Validates the whole filter against the
 * schema first (invalidFilter for unknown attributes or meaningless comparisons), so call it before
 * touching storage. Lookup keys default to those of the resource type.
 */
export function planFilter(
  filter: Filter,
  resourceSchema: ResourceSchema,
  keys: readonly LookupKey[] = lookupKeysFor(resourceSchema),
): FilterPlan {
  compileFilter(filter, resourceSchema);
  const plan = planNode(filter, { keys, resourceSchema, resolve: resourcePaths(resourceSchema) });
  return 'lookups' in plan
    ? { kind: 'lookup', lookups: distinct(plan.lookups), residual: filter }
    : { kind: 'unsupported', reason: plan.reason };
}

function describeKey(key: LookupKey): string {
  const [attribute, subAttribute] = key.path.split('.');
  return subAttribute === undefined
    ? `${key.path} eq "…"`
    : `${key.path} eq "…" (also written ${attribute} eq "…" or ${attribute}[${subAttribute} eq "…"])`;
}

/** The detail of the invalidFilter error for an unsupported plan: what failed and which forms work. */
export function unsupportedFilterMessage(
  reason: string,
  resourceSchema: ResourceSchema,
  keys: readonly LookupKey[] = lookupKeysFor(resourceSchema),
): string {
  const forms = keys.map(describeKey).join(', ');
  return (
    `Unsupported filter for ${resourceSchema.name}: ${reason}. Supported filters: ${forms}; ` +
    'combined with "and" (at least one side supported) or "or" (both sides supported).'
  );
}

export const unsupportedFilterError = (
  reason: string,
  resourceSchema: ResourceSchema,
  keys: readonly LookupKey[] = lookupKeysFor(resourceSchema),
): RosterError => invalidFilter(unsupportedFilterMessage(reason, resourceSchema, keys));
