import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../../shared/auth/console/sessions.js';
import { consoleClient } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { consentTicketOf, oauthClient, pkcePair } from '../../support/oauth-client.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant(`connect${Date.now().toString(36)}.example.com`, 'Connect Okta Co');
});
afterAll(async () => api?.stop());

/** A browser signed in to the console with the company's admin token. */
async function signedInAdmin() {
  const browser = consoleClient(api.baseUrl);
  const form = await browser.get(`/console/sign-in?company=${tenant.tenantId}`);
  const signedIn = await browser.post('/console/sign-in/admin-token', { csrf: browser.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next: '/console/team' });
  expect(signedIn.status).toBe(303);
  return browser;
}

/** Okta's authorization request, as the link on Okta's "Authenticate with Roster" button carries it. */
function oktaRequest() {
  const pkce = pkcePair();
  const params = oauthClient(`${api.baseUrl}/oauth`).authorizeParams({ code_challenge: pkce.challenge, code_challenge_method: 'S256' });
  return { pkce, params, query: new URLSearchParams(params as Record<string, string>).toString() };
}

const signInLinkOf = (html: string) => /<a class="button primary" href="([^"]+)">Sign in to Roster<\/a>/.exec(html)?.[1]?.replace(/&#38;/g, '&');

describe('"Authenticate with Roster" through the console sign-in', () => {
  it('offers the console sign-in first, the token form as the fallback', async () => {
    const { query } = oktaRequest();
    const page = await consoleClient(api.baseUrl).get(`/oauth/authorize?${query}`);
    expect(page.status).toBe(200);
    expect(signInLinkOf(page.html)).toBe(`/console/connect-okta?${query}`);
    expect(page.html).toContain('<summary>Sign in with an admin token instead</summary>');
    expect(page.html).toContain('name="admin_token"');
  });

  it('reuses an admin’s console session: consent at once, then a code Okta exchanges for a working SCIM token', async () => {
    const browser = await signedInAdmin();
    const { pkce, params, query } = oktaRequest();
    const consent = await browser.get(signInLinkOf((await browser.get(`/oauth/authorize?${query}`)).html)!);
    expect(consent.status).toBe(200);
    expect(consent.html).toContain('Okta wants to provision team members into Connect Okta Co');
    expect(consent.html).not.toContain('name="admin_token"');
    const ticket = consentTicketOf(consent.html)!;
    const decision = await browser.post('/oauth/authorize', { consent_ticket: ticket, decision: 'allow', connection: 'new', connection_name: 'Okta via console' });
    expect(decision.status).toBe(302);
    const callback = new URL(decision.location!);
    expect(callback.searchParams.get('state')).toBe(params.state);

    const okta = oauthClient(`${api.baseUrl}/oauth`);
    const tokens = await okta.token({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: params.redirect_uri, code_verifier: pkce.verifier });
    expect(tokens.status).toBe(200);
    const scim = scimClient(`${api.baseUrl}/scim/v2`, tokens.json.access_token);
    expect((await scim.post('/Users', oktaUser(`via.console@${tenant.domain}`))).status).toBe(201);
  });

  it('sends a browser without a session to the console sign-in, and back to the same request afterwards', async () => {
    const { query } = oktaRequest();
    const answer = await consoleClient(api.baseUrl).get(`/console/connect-okta?${query}`);
    expect(answer.status).toBe(303);
    const signIn = new URL(answer.location!, api.baseUrl);
    expect(signIn.pathname).toBe('/console/sign-in');
    expect(signIn.searchParams.get('next')).toBe(`/console/connect-okta?${query}`);

    const browser = consoleClient(api.baseUrl);
    const form = await browser.get(`/console/sign-in?company=${tenant.tenantId}&next=${encodeURIComponent(signIn.searchParams.get('next')!)}`);
    const signedIn = await browser.post('/console/sign-in/admin-token', { ...browser.formOf(form, '/console/sign-in/admin-token'), admin_token: tenant.adminToken });
    expect(signedIn.location).toBe(`/console/connect-okta?${query}`);
    expect((await browser.get(signedIn.location!)).html).toContain('Okta wants to provision team members into Connect Okta Co');
  });

  it('refuses a signed-in team member who is not an admin, and gives no consent page', async () => {
    const created = await scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken).post('/Users', oktaUser(`not.admin@${tenant.domain}`));
    const browser = consoleClient(api.baseUrl);
    browser.jar.set('__Host-roster-session', (await startSession(tenant.tenantId, { kind: 'member', memberId: created.body.id }, 'emailLink')).sessionId);
    const refused = await browser.get(`/console/connect-okta?${oktaRequest().query}`);
    expect(refused.status).toBe(403);
    expect(consentTicketOf(refused.html)).toBeUndefined();
  });

  it('answers a bad request to Okta’s redirect URI, or an error page when the redirect URI itself is wrong', async () => {
    const browser = await signedInAdmin();
    const { params } = oktaRequest();
    const unsupported = await browser.get(`/console/connect-okta?${new URLSearchParams({ ...params, response_type: 'token' } as Record<string, string>)}`);
    expect(unsupported.status).toBe(302);
    expect(new URL(unsupported.location!).searchParams.get('error')).toBe('unsupported_response_type');
    const foreign = await browser.get(`/console/connect-okta?${new URLSearchParams({ ...params, redirect_uri: 'https://evil.example/callback' } as Record<string, string>)}`);
    expect(foreign.status).toBe(400);
    expect(foreign.location).toBeNull();
  });
});
