import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, parseBody } from '../../../shared/http/parse-body.js';
import { errorOf } from '../scim/support.js';
import { apiEvent } from '../support/events.js';
import { guardObjectPrototype } from '../support/prototype.js';

const SCIM_JSON = { 'content-type': 'application/scim+json; charset=utf-8' };
const post = (body: string | undefined, headers: Record<string, string | undefined> = SCIM_JSON, base64 = false) =>
  parseBody(apiEvent('POST', body, base64), headers);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** A JSON string literal that is exactly `bytes` bytes of UTF-8. */
const jsonOfSize = (bytes: number) => `"${'a'.repeat(bytes - 2)}"`;

describe('parseBody', () => {
  guardObjectPrototype();

  it.each([
    ['application/scim+json; charset=utf-8'],
    ['application/scim+json'],
    ['application/json'],
    ['application/json;charset=UTF-8'],
    ['Application/SCIM+JSON; Charset=utf-8'],
    ['  application/json  ; charset=utf-8'],
  ])('reads JSON sent as %s', (contentType) => {
    expect(post('{"userName":"jane"}', { 'content-type': contentType })).toEqual({ userName: 'jane' });
  });

  it.each(['POST', 'PUT', 'PATCH', 'patch'])('reads the body of %s', (method) => {
    expect(parseBody(apiEvent(method, '{"a":1}'), SCIM_JSON)).toEqual({ a: 1 });
  });

  it.each(['GET', 'DELETE', 'HEAD', 'OPTIONS'])('ignores the body of %s', (method) => {
    expect(parseBody(apiEvent(method, '{"a":1}'), SCIM_JSON)).toBeUndefined();
    expect(parseBody(apiEvent(method), {})).toBeUndefined();
    expect(parseBody(apiEvent(method, 'not json'), { 'content-type': 'text/plain' })).toBeUndefined();
  });

  it('accepts a POST that sends nothing and declares no type', () => {
    expect(post(undefined, {})).toBeUndefined();
    expect(post('', {})).toBeUndefined();
  });

  it('keeps unicode', () => {
    expect(post('{"displayName":"Zoë 山田 👩‍💻","e":"\\u00e9"}')).toEqual({ displayName: 'Zoë 山田 👩‍💻', e: 'é' });
  });

  it('decodes base64 bodies (API Gateway encodes what it does not take for text)', () => {
    expect(post(base64('{"displayName":"Zoë"}'), SCIM_JSON, true)).toEqual({ displayName: 'Zoë' });
  });

  it('parses "__proto__" as a plain own key, never a prototype', () => {
    const body = post('{"__proto__":{"polluted":true},"a":{"__proto__":{"polluted":true}}}') as Record<string, unknown>;
    expect(Object.hasOwn(body, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(body.a)).toBe(Object.prototype);
  });

  it('returns any JSON value; the route judges its shape', () => {
    expect(post('null')).toBeNull();
    expect(post(' [1, 2] ')).toEqual([1, 2]);
    expect(post('"text"')).toBe('text');
  });

  describe('content type', () => {
    it.each([
      [{ 'content-type': 'text/plain' }, '{}'],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
      [{ 'content-type': 'application/jsonp' }, '{}'],
      [{ 'content-type': 'application/json-patch+json' }, '[]'],
      [{ 'content-type': 'text/json' }, '{}'],
      [{ 'content-type': '' }, '{}'],
      [{}, '{}'],
    ])('%j is 415', (headers, body) => {
      const error = errorOf(() => post(body, headers));
      expect(error.status).toBe(415);
      expect(error.scimType).toBeUndefined();
      expect(error.detail).toBe('Content-Type must be application/scim+json or application/json.');
    });
  });

  describe('malformed bodies are 400 invalidSyntax', () => {
    it.each([
      ['an empty body with a JSON type', ''],
      ['whitespace', ' \n\t '],
      ['truncated JSON', '{"userName":'],
      ['single quotes', "{'userName':'jane'}"],
      ['a trailing comma', '{"a":1,}'],
      ['two documents', '{}{}'],
      ['a form', 'userName=jane'],
      ['a NUL character', '\u0000'],
    ])('%s', (_label, body) => {
      const error = errorOf(() => post(body));
      expect(error).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
      expect(error.detail).toMatch(/^The request body (is empty|is not valid JSON)/);
    });

    it('base64 that does not decode to JSON', () => {
      expect(errorOf(() => post('%%%not base64%%%', SCIM_JSON, true))).toMatchObject({ status: 400, scimType: 'invalidSyntax' });
    });
  });

  describe('size limit', () => {
    it.each([
      ['text', (text: string) => post(text)],
      ['base64', (text: string) => post(base64(text), SCIM_JSON, true)],
    ])('%s: accepts exactly 1 MB and refuses one byte more with 413', (_encoding, send) => {
      expect(send(jsonOfSize(MAX_BODY_BYTES))).toHaveLength(MAX_BODY_BYTES - 2);
      const error = errorOf(() => send(jsonOfSize(MAX_BODY_BYTES + 1)));
      expect(error.status).toBe(413);
      expect(error.detail).toBe(`The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    });

    it('counts bytes, not characters', () => {
      const multibyte = `"${'é'.repeat(MAX_BODY_BYTES / 2)}"`;
      expect(errorOf(() => post(multibyte)).status).toBe(413);
    });

    it('refuses an oversized body whatever the method or type', () => {
      const huge = 'x'.repeat(MAX_BODY_BYTES + 1);
      expect(errorOf(() => parseBody(apiEvent('GET', huge), {})).status).toBe(413);
      expect(errorOf(() => post(huge, { 'content-type': 'text/plain' })).status).toBe(413);
    });
  });
});
