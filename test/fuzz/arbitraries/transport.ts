import fc from 'fast-check';
import { hostileString, headerSafeString } from './strings.js';

/** Authorization header values that must all be refused (undefined: no header at all). */
export function badAuthorization(wrongScopeToken: string, revokedToken: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(`Bearer ${wrongScopeToken}`),
    fc.constant(`Bearer ${revokedToken}`),
    fc.constantFrom('', 'Bearer', 'Bearer ', 'bearer', 'Basic cm9zdGVyOnNlY3JldA==', 'Token abc', 'Bearer a b', 'Bearer roster_scim_', 'Bearer roster_admin_'),
    headerSafeString.map((token) => `Bearer roster_scim_${token.replace(/\s/g, '')}x`),
    headerSafeString,
    fc.integer({ min: 500, max: 2_000 }).map((length) => `Bearer ${'t'.repeat(length)}`),
    fc.constant(`Bearer ${wrongScopeToken}x`),
    fc.constant(`Bearer ${wrongScopeToken.slice(0, -1)}`),
  );
}

/** Content types a body can come with: the two SCIM accepts, and many it must refuse. */
export const acceptedContentType = fc.constantFrom('application/scim+json', 'application/json', 'application/scim+json; charset=utf-8', 'Application/JSON;charset=UTF-8');
export const refusedContentType = fc.oneof(
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'application/jsonx', 'json', '*/*', ';', 'application/', 'text/html; charset=utf-8'),
  headerSafeString.filter((type) => !/^\s*application\/(scim\+)?json\s*(;|$)/i.test(type) && type.trim() !== ''),
);

/** If-Match values: stale, malformed, several, any. */
export const ifMatchHeader = fc.oneof(
  fc.constantFrom('*', 'W/"0"', 'W/"999999"', '"1"', 'W/"1", W/"2"', 'W/1', 'W/"-1"', 'W/"1e3"', `W/"${'9'.repeat(20)}"`, ''),
  headerSafeString,
);

/** Integer-ish query parameters (startIndex, count) as clients get them wrong. */
export const integerParameter = fc.oneof(
  fc.integer({ min: -10, max: 1_000 }).map(String),
  fc.constantFrom('0', '-1', '1.5', '1e3', 'abc', '', ' ', ' 2 ', '0x10', 'NaN', 'Infinity', '99999999999', '999999999999999999999', '9007199254740993', '+1', '1,2'),
  hostileString,
);

/** Cursors: garbage, base64 of the wrong JSON, and well-shaped keys that point nowhere. */
export function cursorParameter(listPartitions: readonly string[]): fc.Arbitrary<string> {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  const key = (partition: string, id: string) => ({ gsi1pk: partition, gsi1sk: id, pk: `${partition}#${id}`, sk: '#USER' });
  return fc.oneof(
    fc.constantFrom('', ' ', '=', '!!!', 'e30', 'bnVsbA', 'W10', 'MQ'),
    hostileString,
    fc.base64String({ maxLength: 200 }),
    fc.constantFrom(...listPartitions).chain((partition) =>
      fc.oneof(
        fc.tuple(fc.constantFrom('', ' ', 'x'.repeat(3_000)), fc.constantFrom('', '#USER', 'x')).map(([id, sk]) => encode({ ...key(partition, id), sk })),
        hostileString.map((id) => encode(key(partition, id))),
        fc.constant(encode({ ...key(partition, 'x'), extra: 'y' })),
        fc.constant(encode({ gsi1pk: partition, gsi1sk: 1, pk: {}, sk: [] })),
      ),
    ),
  );
}

/** Comma lists for attributes / excludedAttributes. */
export function attributeListParameter(paths: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(fc.array(paths, { maxLength: 5 }).map((names) => names.join(',')), hostileString, fc.constant(','.repeat(500)));
}

/** Path ids: real ones, unknown ones, and odd ones (long, unicode, reserved characters; never "." or ".."). */
export function idSegment(known: readonly string[]): fc.Arbitrary<string> {
  const odd = fc.oneof(
    fc.uuid(),
    hostileString.filter((id) => id !== '' && id.trim() !== '.' && id.trim() !== '..' && !/^\.+$/.test(id)),
    fc.integer({ min: 300, max: 3_000 }).map((length) => 'i'.repeat(length)),
    fc.constantFrom('default', 'null', 'undefined', '0', '-1', '%', '%25', '\u0000', '\ud800', 'a/b', '#', '?', ' '),
  );
  return known.length ? fc.oneof(fc.constantFrom(...known), odd) : odd;
}

/** Bytes that are not UTF-8 once percent-decoded (a CESU-8 surrogate, a stray continuation byte). */
export const INVALID_UTF8_ESCAPES = ['%ED%A0%80', '%FF', '%C3%28', '%E2%82', '%C0%AF'];

/** A query string from name → value pairs; values are percent-encoded unless given raw. */
export function queryString(parameters: Array<[string, string | { raw: string } | undefined]>): string {
  const parts = parameters.flatMap(([name, value]) =>
    value === undefined ? [] : [`${percentEncode(name)}=${typeof value === 'string' ? percentEncode(value) : value.raw}`],
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Percent-encodes any string; lone surrogates (which UTF-8 cannot carry) become U+FFFD first. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}
