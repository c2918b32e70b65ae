import fc from 'fast-check';
import { RawJson } from '../json-text.js';
import { hostileString } from './strings.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * An object with exactly these own properties, `__proto__` included: JSON.stringify then writes
 * `"__proto__": …` on the wire, as an attacker would (a plain assignment would set the prototype).
 */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/** Payloads that pollute Object.prototype if any code merges them naively. */
export const pollutionPayload = fc.constantFrom<unknown>(
  objectOf([['__proto__', { polluted: 'yes' }]]),
  objectOf([['constructor', { prototype: { polluted: 'yes' } }]]),
  objectOf([['prototype', { polluted: 'yes' }]]),
  objectOf([['__proto__', objectOf([['__proto__', { polluted: 'yes' }]])]]),
);

const key = fc.oneof(
  { arbitrary: hostileString, weight: 3 },
  { arbitrary: fc.constantFrom(...PROTOTYPE_KEYS), weight: 2 },
  { arbitrary: fc.constantFrom('schemas', 'id', 'meta', 'value', 'op', 'path', 'members', 'emails', 'name', 'active'), weight: 2 },
);

const scalar = fc.oneof(
  hostileString,
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, 5e-324),
);

/** Any JSON value, hostile scalars and keys included, a few levels deep. */
export const { value: hostileJson } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 5 },
    { arbitrary: tie('array'), weight: 1 },
    { arbitrary: tie('object'), weight: 1 },
    { arbitrary: pollutionPayload, weight: 1 },
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map(objectOf),
}));

/** Nesting around Roster's limit of 32 levels and far beyond: `{"a":{"a":…}}` or `[[[…]]]`, as JSON text. */
export const deeplyNestedJsonText = fc
  .tuple(fc.oneof(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 41, max: 50_000 })), fc.boolean())
  .map(([depth, asArray]) => (asArray ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A deeply nested value to put inside an otherwise plausible body (serialized by toJsonText). */
const deeplyNestedValue = deeplyNestedJsonText.map((text) => new RawJson(text));

/** A value of the wrong kind for a field that expects `expected`. */
export function wrongType(expected: 'string' | 'boolean' | 'number' | 'array' | 'object'): fc.Arbitrary<unknown> {
  const all: Record<typeof expected, fc.Arbitrary<unknown>> = {
    string: fc.string({ minLength: 1, maxLength: 8 }),
    boolean: fc.boolean(),
    number: fc.oneof(fc.integer(), fc.double()),
    array: fc.array(fc.integer(), { maxLength: 2 }),
    object: fc.constant({ nested: true }),
  };
  return fc.oneof(fc.constant(null), ...Object.entries(all).filter(([kind]) => kind !== expected).map(([, arbitrary]) => arbitrary));
}

/** How a body generator fills each field from what a real client would send (`plausible`). */
export type Field = <T>(plausible: fc.Arbitrary<T>) => fc.Arbitrary<unknown>;

/** Fields exactly as a client would send them: bodies that can succeed. */
export const plausibleField: Field = (plausible) => plausible;

/** A field's value: mostly plausible, sometimes hostile (wrong type, deep, huge, polluting). */
export const hostileField: Field = (plausible) =>
  fc.oneof(
    { arbitrary: plausible, weight: 6 },
    { arbitrary: hostileJson, weight: 3 },
    { arbitrary: pollutionPayload, weight: 1 },
    { arbitrary: deeplyNestedValue, weight: 1 },
  );
