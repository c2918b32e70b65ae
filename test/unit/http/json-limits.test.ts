import { describe, expect, it } from 'vitest';
import { MAX_BODY_DEPTH, withinJsonLimits } from '../../../shared/http/json-limits.js';
import { errorOf } from '../scim/support.js';
import { guardObjectPrototype } from '../support/prototype.js';

const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`) as unknown;

describe('withinJsonLimits', () => {
  guardObjectPrototype();

  it(`accepts ${MAX_BODY_DEPTH} levels of nesting and refuses one more with 400 invalidSyntax`, () => {
    expect(withinJsonLimits(nested(MAX_BODY_DEPTH))).toEqual(nested(MAX_BODY_DEPTH));
    expect(errorOf(() => withinJsonLimits(nested(MAX_BODY_DEPTH + 1)))).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
  });

  it('refuses 100,000 levels of arrays without exhausting the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(errorOf(() => withinJsonLimits(deep))).toMatchObject({ status: 400 });
  });

  it('turns lone surrogates into U+FFFD in values and keys, and keeps surrogate pairs', () => {
    const body = JSON.parse('{"title":"a\\ud800b","emails":[{"value":"\\udc00"}],"k\\ud83d":"x","ok":"\\ud83d\\ude00"}') as Record<string, unknown>;
    expect(withinJsonLimits(body)).toEqual({ title: 'a\ufffdb', emails: [{ value: '\ufffd' }], 'k\ufffd': 'x', ok: '😀' });
    expect(withinJsonLimits('\ud800')).toBe('\ufffd');
  });

  it('keeps a "__proto__" key an own property, without touching any prototype', () => {
    const body = withinJsonLimits(JSON.parse('{"__proto__":{"polluted":"\\ud800"},"\\udfff":{"__proto__":{"polluted":1}}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect((body as Record<string, Record<string, unknown>>)['\ufffd']).toBeDefined();
  });
});
