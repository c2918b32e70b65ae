import { RosterError } from '../../errors.js';
import { isKnownClientId } from './client.js';
import type { OAuthErrorCode } from './errors.js';
import { CODE_CHALLENGE_FORMAT } from './pkce.js';
import { allowedRedirectUri } from './redirect-uris.js';

export type Params = Record<string, string | undefined>;

/** A checked authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  /** The Okta app name in the redirect URI, if any. */
  appName?: string;
}

export type CheckedRequest = { ok: true; request: AuthorizationRequest } | { ok: false; redirect: string };

const MAX_STATE_LENGTH = 2_000;

/**
 * RFC 6749 §4.1.2.1: a bad client_id or redirect_uri is shown to the admin (an error page) and
 * never redirected to, since the redirect target itself is not trusted; any other problem is
 * reported to the client by redirecting to its (allowed) redirect_uri.
 */
export function checkAuthorizationRequest(params: Params): CheckedRequest {
  if (!isKnownClientId(params.client_id)) {
    throw new RosterError(400, 'This link does not come from an application that Roster knows (unknown client_id).', { code: 'invalid_client' });
  }
  const redirectUri = params.redirect_uri;
  const allowed = redirectUri ? allowedRedirectUri(redirectUri) : undefined;
  if (!redirectUri || !allowed) {
    throw new RosterError(400, 'The address this link would send you back to (redirect_uri) is missing or not allowed.', { code: 'invalid_request' });
  }
  const state = params.state;
  const fail = (error: OAuthErrorCode, description: string): CheckedRequest => ({
    ok: false,
    redirect: redirectWith(redirectUri, { error, error_description: description, state: state?.slice(0, MAX_STATE_LENGTH) }),
  });
  if (params.response_type !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  if (state !== undefined && state.length > MAX_STATE_LENGTH) return fail('invalid_request', 'state is too long.');
  const challenge = params.code_challenge;
  const method = params.code_challenge_method;
  if (challenge === undefined && method !== undefined) return fail('invalid_request', 'code_challenge_method without code_challenge.');
  if (challenge !== undefined) {
    if (method !== 'S256') return fail('invalid_request', 'Only code_challenge_method=S256 is supported.');
    if (!CODE_CHALLENGE_FORMAT.test(challenge)) return fail('invalid_request', 'code_challenge is malformed.');
  }
  return {
    ok: true,
    request: { clientId: params.client_id!, redirectUri, state, codeChallenge: challenge, appName: allowed.appName },
  };
}

/** The client's redirect URI with response parameters added (keeping its own query). */
export function redirectWith(redirectUri: string, parameters: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.append(name, value);
  return url.toString();
}

/** The request's parameters as the consent forms carry them from page to page. */
export function requestParameters(request: AuthorizationRequest): Record<string, string> {
  return {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    ...(request.state === undefined ? {} : { state: request.state }),
    ...(request.codeChallenge === undefined ? {} : { code_challenge: request.codeChallenge, code_challenge_method: 'S256' }),
  };
}
