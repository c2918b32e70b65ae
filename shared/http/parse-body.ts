import { RosterError, invalidSyntax } from '../errors.js';
import { isJsonContentType } from './content-types.js';
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
  const bytes = event.isBase64Encoded ? Math.floor((raw.length * 3) / 4) : Buffer.byteLength(raw, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    throw new RosterError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  }
  if (!METHODS_WITH_BODY.has(method)) return undefined;
  if (!isJsonContentType(headers['content-type'])) {
    throw new RosterError(
      415,
      'Content-Type must be application/scim+json or application/json.',
    );
  }
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (text.trim() === '') throw invalidSyntax('The request body is empty; a JSON object is required.');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidSyntax(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}
