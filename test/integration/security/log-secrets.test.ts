import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_OAUTH_CLIENT, resetConfigForTests } from '../../../shared/config.js';
import { injectDynamoFault, throttled } from '../../support/dynamo-faults.js';
import { startTestApi } from '../../support/http-stack.js';
import { basicAuth, consentTicketOf, oauthClient } from '../../support/oauth-client.js';
import { oktaUser, PATCH_OP, scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';
import { writtenLinesOf } from '../../support/log-lines.js';
import { notifyingCompany } from '../../support/notifying-company.js';
import { insertRecordOf } from '../../support/stream-records.js';
import { loadHandler } from '../../../infra/local/function-modules.js';
import { lambdaContext } from '../../../infra/local/lambda-context.js';
import { ROSTER_USER_SCHEMA } from '../../../shared/people/members/profile-document.js';
import { findDigest } from '../../../shared/store/manager-digests.js';

/**
 * Logs carry ids and measurements only: every line Roster writes during a run of real requests
 * (successes, failed authentication, the OAuth flow, throttling, an unexpected failure) and of the
 * notifier (the stream function, the scheduled one emailing the digest) is captured at debug
 * level and searched for tokens, email addresses, names and Authorization values.
 */
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
const GIVEN_NAME = 'Zenobia';
const FAMILY_NAME = 'Quixotebottom';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let lines: string[] = [];
/** Every secret that went over the wire in this file. */
const secrets: string[] = [];

beforeAll(async () => {
  process.env.LOG_LEVEL = 'debug';
  // The notifier's digest is due at once, so the scheduled function sends it in this run.
  process.env.NOTIFY_DEBOUNCE_SECONDS = '0';
  resetConfigForTests();
  api = await startTestApi();
  tenant = await createTestTenant('logs.example', 'Logs Co');
  secrets.push(tenant.scimToken, tenant.adminToken, LOCAL_OAUTH_CLIENT.secret);
  lines = await writtenLinesOf(traffic);
}, 120_000);
afterAll(async () => {
  delete process.env.NOTIFY_DEBOUNCE_SECONDS;
  await api?.stop();
});

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

  // The stream and schedule functions: an import reaches the notifier, whose digest names the report to the manager.
  const company = await notifyingCompany();
  secrets.push(company.tenant.scimToken, company.tenant.adminToken);
  const companyScim = scimClient(`${api.baseUrl}/scim/v2`, company.tenant.scimToken);
  const boss = await companyScim.post('/Users', oktaUser(company.email('boss'), { locale: 'en-US', timezone: 'America/New_York' }));
  const report = await companyScim.post('/Users', oktaUser(company.email('zenobia'), { name: { givenName: GIVEN_NAME, familyName: FAMILY_NAME }, [ROSTER_USER_SCHEMA]: { managerEmail: company.email('boss') } }));
  const changes = await loadHandler('team-member-changes');
  const records = [await insertRecordOf(company.tenantId, boss.body.id), await insertRecordOf(company.tenantId, report.body.id)];
  expect(await changes({ Records: records }, lambdaContext('team-member-changes', 60_000))).toEqual({ batchItemFailures: [] });
  const release = await loadHandler('release-notifications');
  expect(await release({}, lambdaContext('release-notifications', 60_000))).toMatchObject({ sent: expect.any(Number) });
  expect(await findDigest(company.tenantId, boss.body.id)).toBeUndefined();

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
    expect(entries.some((entry) => entry.level === 'ERROR' && entry.message === 'request failed')).toBe(true);
    expect(entries.some((entry) => entry.function_name === 'team-member-changes' && entry.message === 'manager notification queued')).toBe(true);
    expect(entries.some((entry) => entry.function_name === 'release-notifications' && entry.awsService === 'SES' && entry.operation === 'SendEmail')).toBe(true);
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
