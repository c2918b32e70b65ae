import { RosterError } from '../../errors.js';

/** RFC 6749 §5.2 / §4.1.2.1 error codes (and RFC 7009's unsupported_token_type). */
export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'unsupported_token_type',
] as const;
export type OAuthErrorCode = (typeof OAUTH_ERROR_CODES)[number];

/** An OAuth error is a RosterError whose code is the RFC's error code. */
export const oauthError = (code: OAuthErrorCode, description: string, status = 400) =>
  new RosterError(status, description, { code });

/** RFC 6749 §5.2: 401 with WWW-Authenticate for the client's authentication scheme. */
export const invalidClient = () =>
  new RosterError(401, 'Client authentication failed.', {
    code: 'invalid_client',
    headers: { 'www-authenticate': 'Basic realm="roster-oauth", charset="UTF-8"' },
  });
