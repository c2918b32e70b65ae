/**
 * What Roster supports, advertised honestly (RFC 7643 §5). Change this together with the
 * behaviour: tests compare it with what the endpoints do.
 */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 100;
/**
 * The key lookups one filter may cause (each `eq` alternative of an `or` is one). Past it the
 * filter is 400 tooMany, before any read: one request must not fan out into hundreds of reads.
 */
export const MAX_FILTER_LOOKUPS = 50;

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    // maxLookups is Roster's own: RFC 7643 has no word for the reads a filter may cost.
    filter: { supported: true, maxResults: MAX_PAGE_SIZE, maxLookups: MAX_FILTER_LOOKUPS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    // RFC 9865 (cursor pagination) alongside index pagination. No cursorTimeout (it is optional):
    // a cursor is a position in the list, not server state, so it never expires (no expiredCursor).
    pagination: {
      cursor: true,
      index: true,
      defaultPaginationMethod: 'index',
      defaultPageSize: DEFAULT_PAGE_SIZE,
      maxPageSize: MAX_PAGE_SIZE,
    },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'Send the connection token as "Authorization: Bearer <token>".',
        specUri: 'https://www.rfc-editor.org/rfc/rfc6750',
        primary: true,
      },
    ],
    meta: {
      resourceType: 'ServiceProviderConfig',
      location: `${baseUrl}/scim/v2/ServiceProviderConfig`,
    },
  };
}
