import { invalidSyntax, invalidValue } from '../errors.js';
import { getMember, isJsonObject, type JsonObject } from './json.js';
import { SEARCH_REQUEST } from './schema/urns.js';

/**
 * An RFC 7644 §3.4.3 SearchRequest body, turned into the query parameters a GET would carry, so
 * that a POST /.search goes through exactly the parsing, limits and projection rules of a GET.
 */
export function searchRequestQuery(body: unknown): Record<string, string | undefined> {
  if (!isJsonObject(body)) throw invalidSyntax(`The search body must be a JSON object with "schemas": ["${SEARCH_REQUEST}"].`);
  const schemas = getMember(body, 'schemas');
  const declared = Array.isArray(schemas) && schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === SEARCH_REQUEST.toLowerCase());
  if (!declared) throw invalidSyntax(`The search body's "schemas" must contain "${SEARCH_REQUEST}".`);
  return {
    filter: stringMember(body, 'filter'),
    attributes: attributeList(body, 'attributes'),
    excludedAttributes: attributeList(body, 'excludedAttributes'),
    startIndex: integerMember(body, 'startIndex'),
    count: integerMember(body, 'count'),
    cursor: stringMember(body, 'cursor'),
  };
}

function stringMember(body: JsonObject, name: string): string | undefined {
  const value = getMember(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(`"${name}" must be a string.`);
  return value;
}

/** RFC 7644 §3.4.3 makes these arrays of attribute names; a comma-separated string is read the same way. */
function attributeList(body: JsonObject, name: string): string | undefined {
  const value = getMember(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  throw invalidValue(`"${name}" must be an array of attribute names.`);
}

function integerMember(body: JsonObject, name: string): string | undefined {
  const value = getMember(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidValue(`"${name}" must be an integer.`);
  return String(value);
}
