import { createHash, randomBytes } from 'node:crypto';
import { LOCAL_OAUTH_CLIENT } from '../../shared/config.js';
import { jsonOrUndefined } from './scim-client.js';

/** Okta's callback shape on a loopback host (allowed locally); integration tests never follow it. */
export const TEST_REDIRECT_URI = 'http://127.0.0.1:9/admin/app/cpc/roster_test/oauth/callback';

export interface WebResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const basicAuth = (id: string = LOCAL_OAUTH_CLIENT.id, secret: string = LOCAL_OAUTH_CLIENT.secret) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** The hidden consent ticket of a consent page. */
export const consentTicketOf = (page: string) => /name="consent_ticket" value="([^"]+)"/.exec(page)?.[1];

/**
 * Drives the OAuth endpoints as Okta (and the admin's browser) would, without following redirects.
 * Like a browser on Roster's pages, it sends the page's Origin with its form posts and keeps the
 * cookies Roster sets (one jar per client: a client is one browser).
 */
export function oauthClient(oauthBaseUrl: string) {
  const jar = new Map<string, string>();
  const origin = new URL(oauthBaseUrl).origin;
  const send = async (method: 'GET' | 'POST', path: string, params: Record<string, string | undefined>, headers: Record<string, string> = {}) => {
    const form = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const browser = { origin, ...(cookie ? { cookie } : {}) };
    const response = await fetch(method === 'GET' ? `${oauthBaseUrl}${path}?${form}` : `${oauthBaseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', ...browser, ...headers } : { ...browser, ...headers },
      ...(method === 'POST' ? { body: form.toString() } : {}),
    });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = setCookie.split(';');
      const at = pair.indexOf('=');
      const expired = attributes.some((attribute) => attribute.trim().toLowerCase() === 'max-age=0');
      if (at > 0 && expired) jar.delete(pair.slice(0, at));
      else if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: jsonOrUndefined(text) } satisfies WebResponse;
  };

  const authorizeParams = (overrides: Record<string, string | undefined> = {}) => ({
    response_type: 'code',
    client_id: LOCAL_OAUTH_CLIENT.id,
    redirect_uri: TEST_REDIRECT_URI,
    state: `state-${randomBytes(6).toString('hex')}`,
    ...overrides,
  });

  const client = {
    authorizeParams,
    authorize: (params: Record<string, string | undefined>) => send('GET', '/authorize', params),
    submit: (params: Record<string, string | undefined>, headers: Record<string, string> = {}) => send('POST', '/authorize', params, headers),
    token: (params: Record<string, string | undefined>, authorization: string | null = basicAuth()) =>
      send('POST', '/token', params, authorization ? { authorization } : {}),
    revoke: (token: string, authorization: string = basicAuth()) => send('POST', '/revoke', { token }, { authorization }),

    /** Sign-in with the admin token; returns the consent page. */
    signIn: (adminToken: string, params: Record<string, string | undefined> = authorizeParams()) =>
      send('POST', '/authorize', { ...params, admin_token: adminToken, decision: 'continue' }),

    /** The whole browser part: sign in, Allow; returns the redirect's code and state. */
    async authorizationCode(adminToken: string, overrides: Record<string, string | undefined> = {}, choice: Record<string, string> = {}) {
      const params = authorizeParams(overrides);
      const consent = await client.signIn(adminToken, params);
      const ticket = consentTicketOf(consent.text);
      if (!ticket) throw new Error(`no consent page (${consent.status}): ${consent.text.slice(0, 300)}`);
      const decision = await send('POST', '/authorize', { consent_ticket: ticket, decision: 'allow', connection: 'new', ...choice });
      const location = new URL(decision.headers.get('location') ?? 'http://invalid/');
      return { status: decision.status, location, code: location.searchParams.get('code') ?? '', state: location.searchParams.get('state'), params };
    },

    /** Authorization code → tokens, as Okta does right after the redirect. */
    async tokensFor(adminToken: string, choice: Record<string, string> = {}) {
      const { code, params } = await client.authorizationCode(adminToken, {}, choice);
      const response = await client.token({ grant_type: 'authorization_code', code, redirect_uri: params.redirect_uri });
      if (response.status !== 200) throw new Error(`token exchange failed: ${response.text}`);
      return response.json as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
    },
  };
  return client;
}
