import fc from 'fast-check';
import { deeplyNestedJsonText, hostileJson } from './arbitraries/json.js';
import { megabyteString } from './arbitraries/strings.js';
import { toJsonText } from './json-text.js';

/** What goes on the wire: text, or raw bytes (for invalid UTF-8). */
export type WireBody = string | Uint8Array;

/** JSON text that is not JSON, or not UTF-8, or empty. */
export const malformedBody: fc.Arbitrary<WireBody> = fc.oneof(
  fc.constantFrom('', ' ', '{', '{"a":', '{"a":1,}', "{'a':1}", '[1,2', 'nul', 'undefined', '{"a":NaN}', '\ufeff{}', '{"a":"\\x"}', '{"a":"\\ud800"}', '{"__proto__":{"polluted":1}}'),
  deeplyNestedJsonText,
  fc.constantFrom(
    Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
    Uint8Array.from([0x7b, 0x22, 0x75, 0x73, 0x65, 0x72, 0x4e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    Uint8Array.from([0xc0, 0xaf, 0x00, 0x01]),
  ),
);

/** A JSON value that is not an object (every body route wants an object). */
export const notAnObjectBody = fc.oneof(fc.constantFrom<unknown>(null, true, 0, 'text', []), fc.array(hostileJson, { maxLength: 3 })).map(toJsonText);

/** A plausible body with one attribute of about a megabyte: just under or just over the limit. */
function megabyteBody(structured: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  return fc.tuple(structured, megabyteString).map(([body, huge]) =>
    toJsonText(typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, title: huge } : { title: huge }),
  );
}

/** A body that is certainly over 1 MB. */
export const oversizedBody = fc.integer({ min: 1, max: 4_096 }).map((extra) => toJsonText({ title: 'x'.repeat(1024 * 1024 + extra) }));

/** Any body for a route: well-formed (`plausible`, or `structured` with hostile values), or worse. */
export function anyBody(structured: fc.Arbitrary<unknown>, plausible: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  return fc.oneof(
    { arbitrary: plausible.map(toJsonText), weight: 6 },
    { arbitrary: structured.map(toJsonText), weight: 6 },
    { arbitrary: hostileJson.map(toJsonText), weight: 3 },
    { arbitrary: malformedBody, weight: 2 },
    { arbitrary: megabyteBody(structured), weight: 1 },
  );
}
