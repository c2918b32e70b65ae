import { LIST_RESPONSE } from './schema/urns.js';

/**
 * RFC 7644 §3.4.2 ListResponse. Cursor paging (RFC 9865) has no startIndex and carries
 * nextCursor while more pages remain.
 */
export function listResponse(resources: unknown[], totalResults: number, startIndex: number | undefined, nextCursor?: string) {
  return {
    schemas: [LIST_RESPONSE],
    totalResults,
    itemsPerPage: resources.length,
    ...(startIndex === undefined ? {} : { startIndex }),
    ...(nextCursor ? { nextCursor } : {}),
    Resources: resources,
  };
}
