import { describe, expect, it } from 'vitest';
import { isJsonContentType, JSON_CONTENT_TYPE, SCIM_CONTENT_TYPE } from '../../../shared/http/content-types.js';

describe('content types', () => {
  it('answers with UTF-8 JSON types that it also accepts', () => {
    expect(SCIM_CONTENT_TYPE).toBe('application/scim+json; charset=utf-8');
    expect(JSON_CONTENT_TYPE).toBe('application/json; charset=utf-8');
    expect(isJsonContentType(SCIM_CONTENT_TYPE)).toBe(true);
    expect(isJsonContentType(JSON_CONTENT_TYPE)).toBe(true);
  });

  it.each([
    ['application/scim+json', true],
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/scim+json;charset=utf-8', true],
    ['application/json; charset=ISO-8859-1', true],
    [' application/json ', true],
    ['application/json; boundary=x; charset=utf-8', true],
    [undefined, false],
    ['', false],
    [';', false],
    ['text/plain', false],
    ['text/json', false],
    ['application/jsonx', false],
    ['application/ld+json', false],
    ['application/json-patch+json', false],
    ['application/scim+json+xml', false],
    ['multipart/form-data; type=application/json', false],
    ['application/ｊｓｏｎ', false],
  ])('%j is JSON: %s', (contentType, json) => {
    expect(isJsonContentType(contentType)).toBe(json);
  });
});
