import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OAUTH_CLIENT } from '../../shared/config.js';
import { seriousAccessibilityProblems } from '../support/accessibility.js';
import { launchChromium } from '../support/browser.js';
import { startLocalStackProcess, stopCleanly, type LocalStackProcess } from '../support/local-stack-process.js';
import { oauthClient, pkcePair } from '../support/oauth-client.js';
import { startOktaCallback } from '../support/okta-callback.js';
import { Started } from '../support/started.js';
import { oktaUser, scimClient } from '../support/scim-client.js';

/**
 * "Authenticate with Roster" as Okta drives it against `npm start`: Okta sends the admin's browser
 * (a real headless Chromium) to /oauth/authorize, the admin signs in and clicks Allow, the browser
 * lands on Okta's callback with a code, and Okta exchanges, uses, refreshes and revokes tokens.
 */
describe('OAuth with Okta against `npm start`', () => {
  let stack: LocalStackProcess;
  let callback: Awaited<ReturnType<typeof startOktaCallback>>;
  let browser: Browser;
  let oauth: ReturnType<typeof oauthClient>;

  const started = new Started();

  beforeAll(async () => {
    [stack, callback, browser] = await started.all([
      started.track(startLocalStackProcess(), stopCleanly),
      started.track(startOktaCallback(), (running) => running.stop()),
      started.track(launchChromium(), (running) => running.close()),
    ]);
    oauth = oauthClient(stack.info.oauthBaseUrl);
  });
  afterAll(() => started.stopAll());

  const authorizeUrl = (parameters: Record<string, string>) =>
    `${stack.info.oauthBaseUrl}/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: LOCAL_OAUTH_CLIENT.id,
      redirect_uri: callback.redirectUri,
      ...parameters,
    })}`;

  /**
   * A page that records every CSP violation or script error. The 401 of a wrong admin token is
   * logged by Chromium as a failed load; that one is expected.
   */
  async function strictPage(options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
    const page = await (await browser.newContext(options)).newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    return { page, problems };
  }

  it('runs authorize → consent → code → token → SCIM → refresh → revoke', async () => {
    const pkce = pkcePair();
    const state = 'okta-state-1';
    const { page, problems } = await strictPage();

    const signIn = await page.goto(authorizeUrl({ state, code_challenge: pkce.challenge, code_challenge_method: 'S256' }));
    expect(signIn!.status()).toBe(200);
    expect(signIn!.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(page.title()).resolves.toBe('Connect Okta to Roster');
    expect(await page.locator('script').count()).toBe(0);
    // The stylesheet is allowed by its hash: the page is styled, not blocked.
    const background = await page.getByRole('link', { name: 'Sign in to Roster' }).evaluate(
      (link) => (globalThis as unknown as { getComputedStyle(element: unknown): { backgroundColor: string } }).getComputedStyle(link).backgroundColor,
    );
    expect(background).toBe('rgb(59, 91, 219)');

    // The token form is the fallback, folded away under the console sign-in.
    await page.getByText('Sign in with an admin token instead').click();
    const continueButton = page.getByRole('button', { name: 'Continue' });
    await page.getByLabel('Admin token').fill('roster_admin_not-a-real-token');
    await continueButton.click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not a valid Roster admin token');

    await page.getByLabel('Admin token').fill(stack.info.adminToken);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Okta wants to provision team members into Example Co',
    );
    expect(await page.getByRole('radio', { name: /new connection/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /Okta \(local\)/ }).isChecked()).toBe(false);
    await page.getByLabel('Name of the new connection').fill('Okta (e2e instance)');

    await Promise.all([page.waitForURL((url) => url.href.startsWith(callback.redirectUri)), page.getByRole('button', { name: 'Allow' }).click()]);
    expect(problems).toEqual([]);
    const answer = callback.received.at(-1)!;
    expect(answer.get('state')).toBe(state);
    const code = answer.get('code')!;
    expect(code).toMatch(/^roster_code_/);

    // Okta's side, server to server.
    const tokens = await oauth.token({ grant_type: 'authorization_code', code, redirect_uri: callback.redirectUri, code_verifier: pkce.verifier });
    expect(tokens.status).toBe(200);
    const { access_token: firstAccess, refresh_token: firstRefresh } = tokens.json;
    const scim = scimClient(stack.info.scimBaseUrl, firstAccess);
    expect((await scim.post('/Users', oktaUser('oauth.person@example.com'))).status).toBe(201);
    expect((await scim.get('/Users?filter=' + encodeURIComponent('userName eq "oauth.person@example.com"'))).body.totalResults).toBe(1);

    const renewed = await oauth.token({ grant_type: 'refresh_token', refresh_token: firstRefresh });
    expect(renewed.status).toBe(200);
    const second = scimClient(stack.info.scimBaseUrl, renewed.json.access_token);
    expect((await second.get('/Users?count=1')).status).toBe(200);

    expect((await oauth.revoke(firstAccess)).status).toBe(200);
    const rejected = await scim.get('/Users?count=1');
    expect(rejected.status).toBe(401);
    expect(rejected.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    expect((await second.get('/Users?count=1')).status).toBe(200);

    expect((await oauth.revoke(renewed.json.refresh_token)).status).toBe(200);
    expect((await second.get('/Users?count=1')).status).toBe(401);
    expect((await oauth.token({ grant_type: 'refresh_token', refresh_token: renewed.json.refresh_token })).json.error).toBe('invalid_grant');

    // The demo connection is untouched, and the new one is listed with its name.
    expect((await scimClient(stack.info.scimBaseUrl, stack.info.scimToken).get('/Users?count=1')).status).toBe(200);
    const connections = (await scimClient(stack.info.adminBaseUrl, stack.info.adminToken).get('/connections')).body.connections;
    expect(connections.map((connection: { name: string }) => connection.name)).toEqual(['Okta (local)', 'Okta (e2e instance)']);
  });

  /** axe-core finds nothing serious on a phone (375 px) and on a desktop (1280 px). */
  async function expectAccessibleAtBothWidths(page: Page) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      expect(await seriousAccessibilityProblems(page), `${page.url()} at ${width}px`).toEqual([]);
    }
  }

  it('signs the admin in with the console instead of a pasted token, and reuses that session the next time', async () => {
    // CSP is proven above; here axe-core's script must run in the pages.
    const { page, problems } = await strictPage({ bypassCSP: true });
    await page.goto(authorizeUrl({ state: 'okta-state-console' }));
    await expectAccessibleAtBothWidths(page);
    await page.getByRole('link', { name: 'Sign in to Roster' }).click();
    // No session yet: the console's sign-in, which asks for the company, then offers its ways in.
    await page.getByLabel('Company id').fill(stack.info.tenantId);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Tech admin without an account? Use the admin token').click();
    await page.getByLabel('Admin token').fill(stack.info.adminToken);
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Okta wants to provision team members into Example Co');
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel('Name of the new connection').fill('Okta (console sign-in)');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(callback.redirectUri)), page.getByRole('button', { name: 'Allow' }).click()]);
    expect(callback.received.at(-1)!.get('code')).toMatch(/^roster_code_/);

    // Okta asks again (another app instance): the console session is reused, straight to consent.
    await page.goto(authorizeUrl({ state: 'okta-state-again' }));
    await page.getByRole('link', { name: 'Sign in to Roster' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Okta wants to provision team members into Example Co');
    await Promise.all([page.waitForURL((url) => url.href.startsWith(callback.redirectUri)), page.getByRole('button', { name: 'Deny' }).click()]);
    expect(callback.received.at(-1)!.get('error')).toBe('access_denied');
    expect(problems).toEqual([]);
  });

  it('sends the browser back with access_denied when the admin denies', async () => {
    const { page, problems } = await strictPage();
    await page.goto(authorizeUrl({ state: 'okta-state-2' }));
    await page.getByText('Sign in with an admin token instead').click();
    await page.getByLabel('Admin token').fill(stack.info.adminToken);
    await page.getByRole('button', { name: 'Continue' }).click();
    await Promise.all([page.waitForURL((url) => url.href.startsWith(callback.redirectUri)), page.getByRole('button', { name: 'Deny' }).click()]);
    const answer = callback.received.at(-1)!;
    expect([answer.get('error'), answer.get('state'), answer.get('code')]).toEqual(['access_denied', 'okta-state-2', null]);
    expect(problems).toEqual([]);
  });

  it('shows an error page, and goes nowhere, for a redirect_uri that is not allowed', async () => {
    const { page } = await strictPage();
    const response = await page.goto(authorizeUrl({ redirect_uri: 'https://evil.example/callback', state: 's' }));
    expect(response!.status()).toBe(400);
    expect(page.url()).toContain(stack.info.oauthBaseUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This sign-in cannot continue');
  });
});
