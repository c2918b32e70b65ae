import { invalidPath, isRosterError } from '../../errors.js';
import { formatAttributePath } from '../attribute-path.js';
import type { Filter } from '../filter/ast.js';
import { compileElementFilter, type Predicate } from '../filter/evaluate.js';
import { parsePatchPath } from '../path.js';
import { resolveAttributePath, type ResolvedAttribute } from '../schema/lookup.js';
import type { ResourceSchema, SchemaDefinition } from '../schema/types.js';

/** An attribute (or sub-attribute) a PATCH operation writes, optionally narrowed to the elements a value filter selects. */
export type AttributeTarget = Omit<ResolvedAttribute, 'kind'> & {
  readonly filter?: Filter;
  /** The path as the client wrote it, for error details. */
  readonly label: string;
};

export type PatchTarget =
  | { readonly kind: 'schema'; readonly schema: SchemaDefinition }
  | ({ readonly kind: 'attribute' } & AttributeTarget);

export function resolvePatchTarget(path: string, resourceSchema: ResourceSchema): PatchTarget {
  const { attributePath, filter } = parsePatchPath(path);
  const resolved = resolveAttributePath(resourceSchema, attributePath);
  if (!resolved) throw invalidPath(`Unknown attribute "${formatAttributePath(attributePath)}" in path "${path}".`);
  if (resolved.kind === 'schema') {
    if (filter) throw invalidPath(`Path "${path}" filters a whole schema; filters select values of a multi-valued attribute.`);
    return resolved;
  }
  if (filter && resolved.attribute.type !== 'complex') {
    throw invalidPath(`Path "${path}" filters "${resolved.attribute.name}", which has no sub-attributes.`);
  }
  return { ...resolved, ...(filter ? { filter } : {}), label: path };
}

/** Which elements the target's value filter selects; a filter naming unknown sub-attributes is a bad path. */
export function elementMatcher(target: AttributeTarget): Predicate {
  if (!target.filter) return () => true;
  try {
    return compileElementFilter(target.filter, target.attribute);
  } catch (error) {
    if (isRosterError(error) && error.scimType === 'invalidFilter') throw invalidPath(`Path "${target.label}": ${error.detail}`);
    throw error;
  }
}
