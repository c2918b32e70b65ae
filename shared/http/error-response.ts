import { RosterError } from '../errors.js';
import { SCIM_CONTENT_TYPE } from './content-types.js';
import type { ApiKind, ApiResult } from './types.js';

const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/**
 * Shapes a RosterError as the API's error body: SCIM Error JSON (RFC 7644 §3.12) or admin JSON.
 * A server-side failure names the request id (also in `x-request-id`), so it can be found in the logs.
 */
export function errorResponse(api: ApiKind, error: RosterError, requestId: string): ApiResult {
  const detail = error.detail || 'The request failed.';
  const body =
    api === 'scim'
      ? {
          schemas: [SCIM_ERROR_SCHEMA],
          status: String(error.status),
          ...(error.scimType ? { scimType: error.scimType } : {}),
          detail: error.status >= 500 ? `${detail} Request id: ${requestId}.` : detail,
        }
      : { error: { code: error.code, message: error.detail, ...(error.details === undefined ? {} : { details: error.details }), requestId } };
  return {
    statusCode: error.status,
    headers: {
      'content-type': api === 'scim' ? SCIM_CONTENT_TYPE : 'application/json; charset=utf-8',
      'x-request-id': requestId,
      ...(error.status === 401 ? { 'www-authenticate': 'Bearer realm="roster"' } : {}),
      ...error.headers,
    },
    body: JSON.stringify(body),
  };
}
