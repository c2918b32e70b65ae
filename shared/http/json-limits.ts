import { invalidSyntax } from '../errors.js';

/** No resource nests anywhere near this deep; deeper bodies would exhaust the stack of recursive code. */
export const MAX_BODY_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

/**
 * A parsed JSON body made safe to process and store, in place and without recursion (JSON.parse
 * accepts nesting far deeper than the stack): refused (400) when it nests more than
 * MAX_BODY_DEPTH levels; lone UTF-16 surrogates (`"\ud800"` escapes, which no UTF-8 string can
 * hold) become U+FFFD in values and keys, as invalid UTF-8 bytes already do when the body is decoded.
 */
export function withinJsonLimits<T>(body: T): T {
  if (typeof body === 'string') return wellFormed(body) as T;
  const pending: Array<[Record<string, unknown>, number]> = typeof body === 'object' && body !== null ? [[body as Record<string, unknown>, 1]] : [];
  while (pending.length) {
    const [container, depth] = pending.pop()!;
    if (depth > MAX_BODY_DEPTH) throw invalidSyntax(`The request body nests objects and arrays more than ${MAX_BODY_DEPTH} levels deep.`);
    for (const key of Object.keys(container)) {
      const value = container[key];
      const clean = wellFormed(key);
      if (clean !== key) {
        delete container[key];
        // defineProperty keeps a "__proto__" key an own property, as JSON.parse made it.
        Object.defineProperty(container, clean, { value, enumerable: true, writable: true, configurable: true });
      }
      if (typeof value === 'string') container[clean] = wellFormed(value);
      else if (typeof value === 'object' && value !== null) pending.push([value as Record<string, unknown>, depth + 1]);
    }
  }
  return body;
}
