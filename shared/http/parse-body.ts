import { RosterError, invalidSyntax } from '../errors.js';
import { isJsonContentType } from './content-types.js';
import { withinJsonLimits } from './json-limits.js';
import { bodyText } from './request-context.js';
import type { ApiEvent } from './types.js';

export const MAX_BODY_BYTES = 1024 * 1024;
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Reads the JSON body of POST/PUT/PATCH. Written here rather than taken from
 * @middy/http-json-body-parser because SCIM needs different answers than that middleware gives:
 * malformed JSON is 400 invalidSyntax (it answers 415), and an oversized body is 413.
 */
export function parseBody(event: ApiEvent, headers: Record<string, string | undefined>): unknown {
  const method = event.requestContext.http.method.toUpperCase();
  const raw = event.body ?? '';
  // Decoded size: Buffer.byteLength discounts base64 padding, which (raw.length * 3) / 4 did not.
  const bytes = Buffer.byteLength(raw, event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    throw new RosterError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (!METHODS_WITH_BODY.has(method)) return undefined;
  // A POST that sends nothing at all (e.g. "issue a token") has nothing to parse, and no type to check.
  if (raw === '' && !headers['content-type']) return undefined;
  if (!isJsonContentType(headers['content-type'])) {
    throw new RosterError(
      415,
      'Content-Type must be application/scim+json or application/json.',
    );
  }
  const text = bodyText(event);
  if (text.trim() === '') throw invalidSyntax('The request body is empty; a JSON object is required.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw invalidSyntax(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  return withinJsonLimits(body);
}
