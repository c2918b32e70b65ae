import type { AttributePath } from '../attribute-path.js';

export type ComparisonOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';
export type CompareValue = string | number | boolean | null;

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];

/**
 * RFC 7644 section 3.4.2.2 filter. Inside a `valuePath` filter, paths name sub-attributes of the
 * value-path attribute. The client form `attr[f].sub op v` is parsed as `attr[f and sub op v]`:
 * both conditions must hold for the same element.
 */
export type Filter =
  | { readonly kind: 'comparison'; readonly path: AttributePath; readonly operator: ComparisonOperator; readonly value: CompareValue }
  | { readonly kind: 'present'; readonly path: AttributePath }
  | { readonly kind: 'and'; readonly left: Filter; readonly right: Filter }
  | { readonly kind: 'or'; readonly left: Filter; readonly right: Filter }
  | { readonly kind: 'not'; readonly filter: Filter }
  | { readonly kind: 'valuePath'; readonly path: AttributePath; readonly filter: Filter };
