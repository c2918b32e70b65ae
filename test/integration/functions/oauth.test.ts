import '../../support/environment.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCAL_OAUTH_CLIENT } from '../../../shared/config.js';
import { listConnections } from '../../../shared/store/connections.js';
import { startTestApi } from '../../support/http-stack.js';
import { TEST_REDIRECT_URI, basicAuth, consentTicketOf, oauthClient, pkcePair } from '../../support/oauth-client.js';
import { scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let oauth: ReturnType<typeof oauthClient>;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant('oauth.example', 'Example Co');
  oauth = oauthClient(`${api.baseUrl}/oauth`);
});
afterAll(async () => api?.stop());
afterEach(() => vi.useRealTimers());

const scimStatus = async (token: string) => (await scimClient(`${api.baseUrl}/scim/v2`, token).get('/Users?count=1')).status;
const exchange = (code: string, extra: Record<string, string | undefined> = {}) =>
  oauth.token({ grant_type: 'authorization_code', code, redirect_uri: TEST_REDIRECT_URI, ...extra });
const refresh = (refreshToken: string) => oauth.token({ grant_type: 'refresh_token', refresh_token: refreshToken });
const later = (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + ms);
};

describe('authorization code grant', () => {
  it('shows a sign-in page, then a consent page naming the company, then redirects with a code and the state', async () => {
    const params = oauth.authorizeParams();
    const signIn = await oauth.authorize(params);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = signIn.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/form-action 'self' http:\/\/127\.0\.0\.1:9(;|$)/);
    expect(signIn.headers.get('cache-control')).toBe('no-store');
    expect(signIn.text).toContain('name="admin_token"');
    expect(signIn.text).not.toMatch(/<script/i);

    const consent = await oauth.signIn(tenant.adminToken, params);
    expect(consent.status).toBe(200);
    expect(consent.text).toContain('Okta wants to provision team members into Example Co');
    expect(consent.text).toContain('value="Okta (roster_test)"');
    expect(consent.text).toContain(`value="${tenant.connectionId}"`);
    expect(consent.text).not.toContain(tenant.adminToken);

    const decision = await oauth.submit({ consent_ticket: consentTicketOf(consent.text), decision: 'allow', connection: 'new', connection_name: 'Okta v3' });
    expect(decision.status).toBe(302);
    const location = new URL(decision.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(TEST_REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe(params.state);
    const code = location.searchParams.get('code')!;
    expect(code).toMatch(/^roster_code_/);

    const tokens = await exchange(code);
    expect(tokens.status).toBe(200);
    expect(tokens.headers.get('cache-control')).toBe('no-store');
    expect(tokens.json).toEqual({
      access_token: expect.stringMatching(/^roster_access_/),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^roster_refresh_/),
    });
    expect(await scimStatus(tokens.json.access_token)).toBe(200);
    const created = (await listConnections(tenant.tenantId)).find((connection) => connection.name === 'Okta v3');
    expect(created).toMatchObject({ source: 'okta' });
    expect(created!.lastUsedAt).toBeDefined();
  });

  it('accepts client credentials in the body as well as HTTP Basic', async () => {
    const { code } = await oauth.authorizationCode(tenant.adminToken);
    const response = await oauth.token(
      { grant_type: 'authorization_code', code, redirect_uri: TEST_REDIRECT_URI, client_id: LOCAL_OAUTH_CLIENT.id, client_secret: LOCAL_OAUTH_CLIENT.secret },
      null,
    );
    expect(response.status).toBe(200);
  });

  it('binds the tokens to an existing connection when the admin picks it, and dies with it', async () => {
    const admin = scimClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
    const existing = (await admin.call('POST', '/connections', JSON.stringify({ name: 'Okta instance 1', source: 'okta' }), { 'content-type': 'application/json' })).body;
    const before = (await listConnections(tenant.tenantId)).length;
    const tokens = await oauth.tokensFor(tenant.adminToken, { connection: existing.id });
    expect((await listConnections(tenant.tenantId)).length).toBe(before);
    expect(await scimStatus(tokens.access_token)).toBe(200);

    expect((await admin.delete(`/connections/${existing.id}`)).status).toBe(204);
    expect(await scimStatus(tokens.access_token)).toBe(401);
    expect((await refresh(tokens.refresh_token)).json.error).toBe('invalid_grant');
  });

  it('supports PKCE S256: the right verifier works, a wrong or missing one is invalid_grant', async () => {
    const pkce = pkcePair();
    const withPkce = { code_challenge: pkce.challenge, code_challenge_method: 'S256' };
    const good = await oauth.authorizationCode(tenant.adminToken, withPkce);
    expect((await exchange(good.code, { code_verifier: pkce.verifier })).status).toBe(200);

    for (const verifier of [pkcePair().verifier, undefined]) {
      const { code } = await oauth.authorizationCode(tenant.adminToken, withPkce);
      const response = await exchange(code, { code_verifier: verifier });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('code_verifier') });
    }
  });

  it('refuses a code_verifier for a code issued without code_challenge (PKCE downgrade, RFC 9700 §2.1.1)', async () => {
    const { code } = await oauth.authorizationCode(tenant.adminToken);
    const response = await exchange(code, { code_verifier: pkcePair().verifier });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('code_verifier') });
  });
});

describe('authorization errors', () => {
  it('shows a bad client_id or redirect_uri as an error page and never redirects to it', async () => {
    const cases = [
      { client_id: 'someone-else' },
      { redirect_uri: 'https://evil.example/callback' },
      { redirect_uri: 'https://system-admin.okta.com.evil.example/admin/app/cpc/x/oauth/callback' },
      { redirect_uri: 'https://system-admin.okta.com/admin/app/cpc/x/oauth/callback/../../../../evil' },
      { redirect_uri: 'https://system-admin.okta.com/admin/app/cpc/x/oauth/callback#frag' },
      { redirect_uri: 'javascript:alert(1)' },
      { redirect_uri: undefined },
    ];
    for (const overrides of cases) {
      const response = await oauth.authorize(oauth.authorizeParams({ ...overrides, response_type: 'token' }));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.text).toContain('This sign-in cannot continue');
      expect(response.text).not.toContain('evil.example/callback"');
    }
    const posted = await oauth.signIn(tenant.adminToken, oauth.authorizeParams({ redirect_uri: 'https://evil.example/cb' }));
    expect(posted.status).toBe(400);
    expect(posted.headers.get('location')).toBeNull();
  });

  it("accepts Okta's documented callback URIs", async () => {
    for (const host of ['okta.com', 'oktapreview.com', 'okta-emea.com', 'trexcloud.com']) {
      const redirect = `https://system-admin.${host}/admin/app/cpc/roster_app/oauth/callback`;
      const response = await oauth.authorize(oauth.authorizeParams({ redirect_uri: redirect }));
      expect(response.status, host).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain(`form-action 'self' https://system-admin.${host}`);
    }
  });

  it('redirects other errors to the client with the state', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ code_challenge: pkcePair().challenge, code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: 'short', code_challenge_method: 'S256' }, 'invalid_request'],
    ];
    for (const [overrides, error] of cases) {
      const params = oauth.authorizeParams(overrides);
      const response = await oauth.authorize(params);
      expect(response.status, error).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe(params.state);
    }
  });

  it('redirects with access_denied on Deny, and on Cancel before signing in', async () => {
    const params = oauth.authorizeParams();
    const consent = await oauth.signIn(tenant.adminToken, params);
    const denied = await oauth.submit({ consent_ticket: consentTicketOf(consent.text), decision: 'deny' });
    expect(denied.status).toBe(302);
    expect(new URL(denied.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
    expect(new URL(denied.headers.get('location')!).searchParams.get('state')).toBe(params.state);

    const cancelled = await oauth.submit({ ...params, decision: 'deny' });
    expect(new URL(cancelled.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
  });

  it('refuses a wrong admin token (or a SCIM token) on the sign-in page, without a consent ticket', async () => {
    for (const token of ['roster_admin_wrong', tenant.scimToken, '']) {
      const response = await oauth.signIn(token);
      expect(response.status).toBe(401);
      expect(response.text).toContain('role="alert"');
      expect(consentTicketOf(response.text)).toBeUndefined();
    }
  });

  it('uses a consent ticket once', async () => {
    const consent = await oauth.signIn(tenant.adminToken);
    const ticket = consentTicketOf(consent.text);
    expect((await oauth.submit({ consent_ticket: ticket, decision: 'allow', connection: 'new' })).status).toBe(302);
    const again = await oauth.submit({ consent_ticket: ticket, decision: 'allow', connection: 'new' });
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
    expect(again.text).toContain('expired or was already used');
  });

  it('binds the consent ticket to the browser that signed in: posted from another browser it sends no code (login CSRF)', async () => {
    const attacker = oauthClient(`${api.baseUrl}/oauth`);
    const consent = await attacker.signIn(tenant.adminToken);
    expect(consent.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^__Host-roster-consent=roster_state_[\w-]{43}; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/),
    ]);
    // The victim's browser posts the attacker's ticket (a hidden form on the attacker's page).
    const victim = oauthClient(`${api.baseUrl}/oauth`);
    const forged = await victim.submit({ consent_ticket: consentTicketOf(consent.text), decision: 'allow', connection: 'new' });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('location')).toBeNull();
    expect(forged.text).toContain('not opened in this browser');
  });

  it('accepts a sign-in or consent post only with the Origin of its own page', async () => {
    const consent = await oauth.signIn(tenant.adminToken);
    const ticket = consentTicketOf(consent.text);
    for (const origin of ['https://evil.example', 'null']) {
      const response = await oauth.submit({ consent_ticket: ticket, decision: 'allow', connection: 'new' }, { origin });
      expect(response.status, origin).toBe(403);
      expect(response.headers.get('location')).toBeNull();
      expect(response.text).toContain('sent from another site');
    }
    const signIn = await oauth.submit({ ...oauth.authorizeParams(), admin_token: tenant.adminToken, decision: 'continue' }, { origin: 'https://evil.example' });
    expect(signIn.status).toBe(403);
    expect(consentTicketOf(signIn.text)).toBeUndefined();
    // The ticket was not spent by the refused posts.
    expect((await oauth.submit({ consent_ticket: ticket, decision: 'allow', connection: 'new' })).status).toBe(302);
  });

  it('escapes everything it echoes into the page', async () => {
    const state = `"><script>alert(1)</script><b x='`;
    const response = await oauth.authorize(oauth.authorizeParams({ state }));
    expect(response.status).toBe(200);
    expect(response.text).not.toContain('<script>');
    expect(response.text).toContain('&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;&#60;b x=&#39;');
  });
});

describe('token endpoint errors (RFC 6749 §5.2)', () => {
  it('answers a bad client with 401 invalid_client', async () => {
    const { code } = await oauth.authorizationCode(tenant.adminToken);
    for (const authorization of [basicAuth(LOCAL_OAUTH_CLIENT.id, 'wrong-secret'), basicAuth('other-client', LOCAL_OAUTH_CLIENT.secret), null]) {
      const response = await oauth.token({ grant_type: 'authorization_code', code, redirect_uri: TEST_REDIRECT_URI }, authorization);
      expect(response.status).toBe(401);
      expect(response.json.error).toBe('invalid_client');
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
    // The failed attempts did not burn the code: client authentication comes first.
    expect((await exchange(code)).status).toBe(200);
  });

  it('refuses a reused code with invalid_grant and revokes the tokens issued for it', async () => {
    const { code } = await oauth.authorizationCode(tenant.adminToken);
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const second = await exchange(code);
    expect(second.status).toBe(400);
    expect(second.json.error).toBe('invalid_grant');
    expect(await scimStatus(first.json.access_token)).toBe(401);
    expect((await refresh(first.json.refresh_token)).json.error).toBe('invalid_grant');
  });

  it('refuses an expired code, an unknown code, and a redirect_uri that differs', async () => {
    const expired = await oauth.authorizationCode(tenant.adminToken);
    later(3 * 60 * 1000);
    const late = await exchange(expired.code);
    vi.useRealTimers();
    expect(late.json).toEqual({ error: 'invalid_grant', error_description: 'The authorization code has expired.' });

    expect((await exchange('roster_code_unknown')).json.error).toBe('invalid_grant');
    const { code } = await oauth.authorizationCode(tenant.adminToken);
    expect((await exchange(code, { redirect_uri: 'http://127.0.0.1:9/other' })).json.error).toBe('invalid_grant');
  });

  it('answers malformed requests with invalid_request / unsupported_grant_type', async () => {
    expect((await oauth.token({ code: 'x' })).json.error).toBe('invalid_request');
    expect((await oauth.token({ grant_type: 'password', username: 'a', password: 'b' })).json.error).toBe('unsupported_grant_type');
    expect((await oauth.token({ grant_type: 'authorization_code' })).json.error).toBe('invalid_request');
    const both = await oauth.token({ grant_type: 'authorization_code', code: 'x', client_id: LOCAL_OAUTH_CLIENT.id, client_secret: LOCAL_OAUTH_CLIENT.secret });
    expect(both.json.error).toBe('invalid_request');

    const json = await fetch(`${api.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'authorization_code', code: 'x' }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as any).error).toBe('invalid_request');
    const repeated = await fetch(`${api.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { authorization: basicAuth(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=refresh_token&refresh_token=a&refresh_token=b',
    });
    expect(((await repeated.json()) as any).error).toBe('invalid_request');
  });
});

describe('refresh, expiry and revocation', () => {
  it('rotates refresh tokens; reusing a rotated one revokes the whole family', async () => {
    const first = await oauth.tokensFor(tenant.adminToken);
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    expect(await scimStatus(second.json.access_token)).toBe(200);

    const reuse = await refresh(first.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.json.error).toBe('invalid_grant');
    expect(await scimStatus(second.json.access_token)).toBe(401);
    expect(await scimStatus(first.access_token)).toBe(401);
    expect((await refresh(second.json.refresh_token)).json.error).toBe('invalid_grant');
  });

  it('lets only one of two concurrent refreshes with the same token win, then revokes the family', async () => {
    const tokens = await oauth.tokensFor(tenant.adminToken);
    const results = await Promise.all([refresh(tokens.refresh_token), refresh(tokens.refresh_token)]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 400]);
    const winner = results.find((result) => result.status === 200)!;
    expect(await scimStatus(winner.json.access_token)).toBe(401);
  });

  it('expires access tokens', async () => {
    const tokens = await oauth.tokensFor(tenant.adminToken);
    expect(await scimStatus(tokens.access_token)).toBe(200);
    later(3_601_000);
    expect(await scimStatus(tokens.access_token)).toBe(401);
    const renewed = await refresh(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    expect(await scimStatus(renewed.json.access_token)).toBe(200);
  });

  it('revokes an access token alone, or a refresh token with its whole grant (RFC 7009)', async () => {
    const tokens = await oauth.tokensFor(tenant.adminToken);
    const renewed = (await refresh(tokens.refresh_token)).json;
    const revokeAccess = await oauth.revoke(tokens.access_token);
    expect(revokeAccess.status).toBe(200);
    expect(await scimStatus(tokens.access_token)).toBe(401);
    expect(await scimStatus(renewed.access_token)).toBe(200);

    expect((await oauth.revoke(renewed.refresh_token)).status).toBe(200);
    expect(await scimStatus(renewed.access_token)).toBe(401);
    expect((await refresh(renewed.refresh_token)).json.error).toBe('invalid_grant');

    expect((await oauth.revoke('roster_access_unknown')).status).toBe(200);
    expect((await oauth.revoke(tenant.scimToken)).status).toBe(200);
    expect(await scimStatus(tenant.scimToken)).toBe(200);
    const badClient = await oauth.revoke(renewed.access_token, basicAuth(LOCAL_OAUTH_CLIENT.id, 'nope'));
    expect(badClient.status).toBe(401);
  });
});
