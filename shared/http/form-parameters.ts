import { RosterError } from '../errors.js';
import { bodyText } from './request-context.js';
import type { ApiEvent } from './types.js';

const MAX_FORM_BYTES = 16 * 1024;
const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * The OAuth endpoints' parameters: the query string of a GET, the form body of a POST
 * (RFC 6749 §3.2 requires application/x-www-form-urlencoded). Read from the raw query string
 * rather than queryStringParameters, which joins repeated names with commas, since a parameter
 * sent twice must be refused (RFC 6749 §3.1).
 */
export function formParameters(event: ApiEvent, headers: Record<string, string | undefined>): Record<string, string> {
  if (event.requestContext.http.method.toUpperCase() === 'GET') return parse(event.rawQueryString ?? '');
  const mediaType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== FORM_CONTENT_TYPE) throw invalidRequest(`Send the parameters as ${FORM_CONTENT_TYPE}.`);
  const text = bodyText(event);
  if (Buffer.byteLength(text, 'utf8') > MAX_FORM_BYTES) throw invalidRequest('The request body is too large.');
  return parse(text);
}

function parse(text: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(parameters, name)) throw invalidRequest(`The parameter ${name} was sent more than once.`);
    parameters[name] = value;
  }
  return parameters;
}

const invalidRequest = (description: string) => new RosterError(400, description, { code: 'invalid_request' });
