import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../../shared/auth/console/sessions.js';
import { getCompanySettings } from '../../../shared/people/company/company-settings-admin.js';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { consoleClient } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const SESSION_COOKIE = '__Host-roster-session';
const SETTINGS = '/console/admin/settings';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let scim: ScimClient;
let admin: AdminClient;
let sequence = 0;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant(`admin${Date.now().toString(36)}.example.com`, 'Admin Pages Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
});
afterAll(async () => api?.stop());

/** A browser signed in with the company's admin token, through the sign-in form. */
async function asAdminToken() {
  const client = consoleClient(api.baseUrl);
  const form = await client.get(`/console/sign-in?company=${tenant.tenantId}`);
  const signedIn = await client.post('/console/sign-in/admin-token', { csrf: client.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next: SETTINGS });
  expect(signedIn.location).toBe(SETTINGS);
  return client;
}

/** A new active member, and a browser signed in as them (the session made as a sign-in makes it). */
async function asMember(local = `member.m${(sequence += 1)}`) {
  const email = `${local}@${tenant.domain}`;
  const created = await scim.post('/Users', oktaUser(email));
  expect(created.status).toBe(201);
  const client = consoleClient(api.baseUrl);
  const { sessionId } = await startSession(tenant.tenantId, { kind: 'member', memberId: created.body.id }, 'emailLink');
  client.jar.set(SESSION_COOKIE, sessionId);
  return { client, email, id: created.body.id as string };
}

describe('who is an admin', () => {
  it('is whoever signed in with the admin token: the admin navigation and the settings page', async () => {
    const client = await asAdminToken();
    const page = await client.get(SETTINGS);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<nav class="admin" aria-label="Admin">');
    expect(page.html).toMatch(/href="\/console\/admin\/settings" aria-current="page"/);
    for (const section of ['assignments', 'seats', 'team-members', 'import-errors', 'connections']) expect(page.html).toContain(`href="/console/admin/${section}"`);
  });

  it('refuses a team member whose work email the settings do not list (403, no navigation), and admits them once listed', async () => {
    const { client, email } = await asMember();
    const refused = await client.get(SETTINGS);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Only your company’s Roster admins can open this page');
    expect((await client.get('/console/team')).html).not.toContain('aria-label="Admin"');

    const settings = (await admin.get('/settings')).body;
    expect((await admin.put('/settings', { ...settings, adminEmails: [email.toUpperCase()] })).status).toBe(200);
    expect((await getCompanySettings(tenant.tenantId)).adminEmails).toEqual([email]);
    const admitted = await client.get(SETTINGS);
    expect(admitted.status).toBe(200);
    expect(admitted.html).toContain('aria-label="Admin"');
    expect((await client.get('/console/team')).html).toContain('aria-label="Admin"');
  });

  it('sends a browser without a session to sign in, and back', async () => {
    const page = await consoleClient(api.baseUrl).get(SETTINGS);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/console/sign-in?next=${encodeURIComponent(SETTINGS)}`);
  });
});

describe('provisioning settings page', () => {
  it('saves the article’s choices: Okta as the source, the default assignment, the two manager settings', async () => {
    const client = await asAdminToken();
    const seat = (await admin.post('/seats', { name: 'Recorder', total: 5, capabilities: ['dataCapture'] })).body;
    const page = await client.get(SETTINGS);
    const form = client.formOf(page, SETTINGS);
    const saved = await client.post(SETTINGS, {
      ...form,
      provisioningSource: 'okta',
      [`seat.${seat.id}`]: 'on',
      'dc.webConferences': 'record',
      'dc.emails': 'on',
      notifyManagersOnImport: 'on',
      managersCanToggleDataCapture: 'on',
      defaultTimeZone: 'Europe/Paris',
    });
    expect(saved.status, saved.html.slice(-1500)).toBe(303);
    expect(saved.location).toBe(`${SETTINGS}?saved=1`);
    const settings = await getCompanySettings(tenant.tenantId);
    expect(settings).toMatchObject({
      provisioningSource: 'okta',
      defaultTimeZone: 'Europe/Paris',
      notifyManagersOnImport: true,
      managersCanToggleDataCapture: true,
      defaultAssignment: { seatTypeIds: [seat.id], dataCapture: { webConferences: 'record', emails: true, calendarMeetings: false } },
      version: Number(form.version) + 1,
    });
    const again = await client.get(`${SETTINGS}?saved=1`);
    expect(again.html).toContain('Settings saved.');
    expect(client.formOf(again, SETTINGS)).toMatchObject({ provisioningSource: 'okta', [`seat.${seat.id}`]: 'on', 'dc.webConferences': 'record', managersCanToggleDataCapture: 'on' });
  });

  it('shows a concurrent change instead of overwriting it, keeping what the second person typed', async () => {
    const [first, second] = [await asAdminToken(), await asAdminToken()];
    const firstPage = await first.get(SETTINGS);
    const secondPage = await second.get(SETTINGS);
    const before = await getCompanySettings(tenant.tenantId);
    const mine = { ...first.formOf(firstPage, SETTINGS), defaultTimeZone: 'Asia/Tokyo' };
    expect((await first.post(SETTINGS, mine)).status).toBe(303);

    const theirs = { ...second.formOf(secondPage, SETTINGS), domains: `${tenant.domain}\nsecond.example.com` };
    const conflict = await second.post(SETTINGS, theirs);
    expect(conflict.status).toBe(409);
    expect(conflict.html).toContain('Someone else saved these settings while you were editing.');
    expect(conflict.html).toContain('What is saved now differs from your form in: Company domains, Default time zone.');
    const afterConflict = await getCompanySettings(tenant.tenantId);
    expect(afterConflict).toMatchObject({ defaultTimeZone: 'Asia/Tokyo', domains: before.domains, version: before.version + 1 });
    // Nothing the second person typed is lost: the form holds it, ready to save deliberately.
    const kept = second.formOf(conflict, SETTINGS);
    expect(kept.domains).toBe(`${tenant.domain}\nsecond.example.com`);
    expect(kept.version).toBe(String(before.version + 1));
    expect((await second.post(SETTINGS, kept)).status).toBe(303);
    expect(await getCompanySettings(tenant.tenantId)).toMatchObject({ domains: [tenant.domain, 'second.example.com'], version: before.version + 2 });
  });

  it('names what is wrong and saves nothing', async () => {
    const client = await asAdminToken();
    const before = await getCompanySettings(tenant.tenantId);
    const page = await client.get(SETTINGS);
    const refused = await client.post(SETTINGS, { ...client.formOf(page, SETTINGS), defaultTimeZone: 'Mars/Olympus', adminEmails: 'not an address' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Default time zone: must be a TZ database name');
    expect(refused.html).toContain('Admin emails: must be an email address');
    expect(client.formOf(refused, SETTINGS).defaultTimeZone).toBe('Mars/Olympus');
    expect(await getCompanySettings(tenant.tenantId)).toEqual(before);
  });

  it('refuses a post without the session’s CSRF token or from another origin', async () => {
    const client = await asAdminToken();
    const before = await getCompanySettings(tenant.tenantId);
    const form = client.formOf(await client.get(SETTINGS), SETTINGS);
    expect((await client.post(SETTINGS, { ...form, csrf: 'forged', defaultTimeZone: 'Asia/Tokyo' })).status).toBe(403);
    expect((await client.post(SETTINGS, { ...form, defaultTimeZone: 'Asia/Tokyo' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await getCompanySettings(tenant.tenantId)).toEqual(before);
  });

  it('refuses a non-admin member’s post with 403', async () => {
    const { client } = await asMember();
    const csrf = client.csrfOf(await client.get('/console/team'));
    const before = await getCompanySettings(tenant.tenantId);
    const refused = await client.post(SETTINGS, { csrf, version: String(before.version), provisioningSource: 'custom', domains: tenant.domain, defaultTimeZone: 'UTC' });
    expect(refused.status).toBe(403);
    expect(await getCompanySettings(tenant.tenantId)).toEqual(before);
  });
});
