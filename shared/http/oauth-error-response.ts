import { OAUTH_ERROR_CODES, type OAuthErrorCode } from '../auth/oauth/errors.js';
import type { RosterError } from '../errors.js';
import { JSON_CONTENT_TYPE } from './content-types.js';
import type { ApiResult } from './types.js';

/** RFC 6749 §5.2 error JSON for the token and revocation endpoints, whatever went wrong. */
export function oauthErrorResponse(error: RosterError): ApiResult {
  return {
    statusCode: error.status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'cache-control': 'no-store', pragma: 'no-cache', ...error.headers },
    body: JSON.stringify({ error: oauthCode(error), error_description: error.detail }),
  };
}

function oauthCode(error: RosterError): OAuthErrorCode {
  if ((OAUTH_ERROR_CODES as readonly string[]).includes(error.code)) return error.code as OAuthErrorCode;
  if (error.status === 429 || error.status === 503) return 'temporarily_unavailable';
  return error.status >= 500 ? 'server_error' : 'invalid_request';
}
