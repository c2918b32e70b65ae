import { notFound } from '../errors.js';
import type { ApiEvent } from './types.js';

/**
 * Far longer than any id Roster issues (36 characters) or accepts (admin ids: 100 characters, at
 * most 400 bytes), and short enough that any key built from it fits DynamoDB's 1 KB sort keys.
 */
const MAX_ID_BYTES = 512;

/**
 * The route's path parameters. One longer than any id names nothing: 404 here, before it reaches
 * DynamoDB, which refuses an oversized key with an error instead of finding nothing.
 */
export function pathParametersOf(event: ApiEvent): Record<string, string> {
  const parameters = (event.pathParameters ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(parameters)) {
    if (Buffer.byteLength(value, 'utf8') > MAX_ID_BYTES) throw notFound(`Nothing has this ${name}: it is longer than any ${name} Roster issues.`);
  }
  return parameters;
}
