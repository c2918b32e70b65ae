import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OAUTH_CLIENT, resetConfigForTests } from '../../../shared/config.js';
import { injectDynamoFault, throttled } from '../../support/dynamo-faults.js';
import { startTestApi } from '../../support/http-stack.js';
import { basicAuth, consentTicketOf, oauthClient } from '../../support/oauth-client.js';
import { oktaUser, PATCH_OP, scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

/**
 * Logs carry ids and measurements only: every line Roster writes during a run of real requests
 * (successes, failed authentication, the OAuth flow, throttling, an unexpected failure) is
 * captured at debug level and searched for tokens, email addresses, names and Authorization values.
 */
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const GIVEN_NAME = 'Zenobia';
const FAMILY_NAME = 'Quixotebottom';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
const lines: string[] = [];
/** Every secret that went over the wire in this file. */
const secrets: string[] = [];
const restore: Array<() => void> = [];

/** Keeps what is written to the stream (instead of printing it) until `restore` runs. */
function capture(stream: NodeJS.WriteStream) {
  const write = stream.write;
  stream.write = ((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  }) as typeof stream.write;
  restore.push(() => (stream.write = write));
}

beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  resetConfigForTests();
  api = await startTestApi();
  tenant = await createTestTenant('logs.example', 'Logs Co');
  secrets.push(tenant.scimToken, tenant.adminToken, LOCAL_OAUTH_CLIENT.secret);
  capture(process.stdout);
  capture(process.stderr);
  try {
    await traffic();
  } finally {
    for (const undo of restore) undo();
  }
}, 120_000);
afterAll(async () => api?.stop());

/** Requests of every kind, with the secrets and personal data they carry recorded in `secrets`. */
async function traffic() {
  const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const email = 'zenobia.quixotebottom@logs.example';
  const created = await scim.post('/Users', oktaUser(email, { name: { givenName: GIVEN_NAME, familyName: FAMILY_NAME }, displayName: `${GIVEN_NAME} ${FAMILY_NAME}` }));
  expect(created.status).toBe(201);
  await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`);
  await scim.get(`/Users?filter=${encodeURIComponent(`emails.value eq "${email}"`)}`);
  await scim.patch(`/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'emails[type eq "work"].value', value: email }] });
  await scim.post('/Users', oktaUser(email));
  await scim.post('/Users', oktaUser('not-a-company-domain@elsewhere.example'));

  const wrong = `roster_scim_${'w'.repeat(43)}`;
  secrets.push(wrong);
  await scimClient(`${api.baseUrl}/scim/v2`, wrong).get('/Users');
  await scimClient(`${api.baseUrl}/scim/v2`, tenant.adminToken).get('/Users');
  await fetch(`${api.baseUrl}/scim/v2/Users?access_token=${tenant.scimToken}`);
  await fetch(`${api.baseUrl}/scim/v2/Users`, { headers: { authorization: `Basic ${Buffer.from(`${email}:hunter2`).toString('base64')}` } });

  const admin = scimClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  const issued = await admin.call('POST', `/connections/${tenant.connectionId}/tokens`);
  secrets.push(issued.body.token);
  await admin.patch(`/team-members/${created.body.id}`, { profile: { managerEmail: 'boss.person@logs.example' } }, { 'content-type': 'application/json' });

  const oauth = oauthClient(`${api.baseUrl}/oauth`);
  const consent = await oauth.signIn(tenant.adminToken);
  secrets.push(consentTicketOf(consent.text)!);
  await oauth.signIn(wrong);
  const { code, params } = await oauth.authorizationCode(tenant.adminToken);
  secrets.push(code);
  const tokens = await oauth.token({ grant_type: 'authorization_code', code, redirect_uri: params.redirect_uri });
  secrets.push(tokens.json.access_token, tokens.json.refresh_token);
  await oauth.token({ grant_type: 'authorization_code', code, redirect_uri: params.redirect_uri });
  const refreshed = await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token });
  secrets.push(refreshed.json.access_token, refreshed.json.refresh_token);
  await oauth.token({ grant_type: 'refresh_token', refresh_token: tokens.json.refresh_token }, basicAuth(LOCAL_OAUTH_CLIENT.id, 'not-the-secret'));
  await oauth.revoke(refreshed.json.refresh_token);
  await scimClient(`${api.baseUrl}/scim/v2`, refreshed.json.access_token).get('/Users');

  let remove = injectDynamoFault((operation) => (operation === 'TransactWriteItems' ? throttled() : undefined));
  expect((await scim.post('/Users', oktaUser('throttled.person@logs.example'))).status).toBe(429);
  remove();
  remove = injectDynamoFault((operation) => (operation === 'TransactWriteItems' ? new Error('boom') : undefined));
  expect((await scim.post('/Users', oktaUser('failing.person@logs.example'))).status).toBe(500);
  remove();
}

describe('logs', () => {
  it('were written for the run: one JSON line per request, failures included', () => {
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const statuses = new Set(entries.filter((entry) => entry.message === 'request').map((entry) => entry.status));
    for (const status of [200, 201, 302, 400, 401, 403, 409, 429, 500]) expect(statuses, `a request answered ${status}`).toContain(status);
    expect(entries.some((entry) => entry.level === 'error' && entry.message === 'request failed')).toBe(true);
  });

  it('never contain a token, a client secret, a code or a consent ticket', () => {
    expect(secrets.length).toBeGreaterThan(8);
    for (const secret of secrets) expect(lines.filter((line) => line.includes(secret))).toEqual([]);
    expect(lines.filter((line) => /roster_(scim|admin|access|refresh|code|consent)_/.test(line))).toEqual([]);
  });

  it('never contain an Authorization header value, an email address or a name', () => {
    expect(lines.filter((line) => /Bearer |Basic |hunter2|"authorization"/i.test(line))).toEqual([]);
    expect(lines.filter((line) => EMAIL.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes(GIVEN_NAME) || line.includes(FAMILY_NAME))).toEqual([]);
  });
});
