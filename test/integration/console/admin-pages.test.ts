import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../../shared/auth/console/sessions.js';
import { resetConfigForTests } from '../../../shared/config.js';
import { getCompanyConfig } from '../../../shared/people/company/company-config-admin.js';
import { getCompanySettings } from '../../../shared/people/company/company-settings-admin.js';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { consoleClient, signedInWithAdminToken } from '../../support/console-client.js';
import { startTxtDnsServer } from '../../support/dns-server.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { tenantItems } from '../../support/table-scan.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const SESSION_COOKIE = '__Host-roster-session';
const SETTINGS = '/console/admin/settings';

let api: Awaited<ReturnType<typeof startTestApi>>;
let dns: Awaited<ReturnType<typeof startTxtDnsServer>>;
let tenant: TestTenant;
let scim: ScimClient;
let admin: AdminClient;
let sequence = 0;

beforeAll(async () => {
  // A real DNS server on the loopback answers the domain verification's TXT lookups.
  dns = await startTxtDnsServer();
  process.env.DNS_RESOLVERS = dns.address;
  resetConfigForTests();
  api = await startTestApi();
  tenant = await createTestTenant(`admin${Date.now().toString(36)}.example.com`, 'Admin Pages Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
});
afterAll(async () => {
  await api?.stop();
  await dns?.stop();
});

const asAdminToken = () => signedInWithAdminToken(api.baseUrl, tenant, SETTINGS);

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
    for (const section of ['assignments', 'seats', 'team-members', 'import-errors', 'connections', 'admin-tokens']) expect(page.html).toContain(`href="/console/admin/${section}"`);
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
    expect(await getCompanySettings(tenant.tenantId)).toMatchObject({
      domains: [tenant.domain],
      pendingDomains: [{ domain: 'second.example.com' }],
      version: before.version + 2,
    });
  });

  it('keeps an added domain pending until its TXT record is published, and verifies it on request', async () => {
    const client = await asAdminToken();
    const form = client.formOf(await client.get(SETTINGS), SETTINGS);
    expect((await client.post(SETTINGS, { ...form, domains: `${form.domains}\nthird.example.com` })).status).toBe(303);
    const page = await client.get(SETTINGS);
    // The pending domain stays in the list, so saving again does not drop it.
    expect((client.formOf(page, SETTINGS).domains ?? '').split('\n')).toContain('third.example.com');
    const { txtRecord } = (await getCompanySettings(tenant.tenantId)).pendingDomains.find((pending) => pending.domain === 'third.example.com')!;
    expect(page.html).toContain(txtRecord);

    const check = { csrf: client.csrfOf(page), domain: 'third.example.com' };
    const unproven = await client.post(`${SETTINGS}/verify-domain`, check);
    expect(unproven.status).toBe(409);
    expect(unproven.html).toContain('The domain is not verified yet:');
    expect(unproven.html).not.toContain('The settings were not saved');
    expect(unproven.html).toContain(`No TXT record &quot;${txtRecord}&quot; was found at third.example.com`);
    expect((await getCompanySettings(tenant.tenantId)).domains).not.toContain('third.example.com');

    dns.records.set('third.example.com', [txtRecord]);
    const proven = await client.post(`${SETTINGS}/verify-domain`, check);
    expect(proven.location).toBe(`${SETTINGS}?verified=third.example.com`);
    expect((await client.get(proven.location!)).html).toContain('third.example.com is verified.');
    expect(await getCompanySettings(tenant.tenantId)).toMatchObject({ domains: expect.arrayContaining(['third.example.com']), pendingDomains: [expect.objectContaining({ domain: 'second.example.com' })] });
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

  it('sets the retention after which inactive members are erased, refuses one out of bounds, and clears it', async () => {
    const client = await asAdminToken();
    const form = client.formOf(await client.get(SETTINGS), SETTINGS);
    expect(form.eraseAfterDays).toBe('');
    expect((await client.post(SETTINGS, { ...form, eraseAfterDays: ' 30 ' })).status).toBe(303);
    expect((await getCompanySettings(tenant.tenantId)).eraseAfterDays).toBe(30);
    const saved = client.formOf(await client.get(SETTINGS), SETTINGS);
    expect(saved.eraseAfterDays).toBe('30');

    const before = await getCompanySettings(tenant.tenantId);
    for (const [typed, problem] of [
      ['0', 'must be at least 1 day'],
      ['3651', 'must be at most 3650 days'],
      ['2.5', 'must be a whole number of days'],
      ['soon', 'must be a number of days'],
    ] as const) {
      const refused = await client.post(SETTINGS, { ...saved, eraseAfterDays: typed });
      expect(refused.status, typed).toBe(400);
      expect(refused.html).toContain(`Erase inactive team members after: ${problem}`);
      expect(client.formOf(refused, SETTINGS).eraseAfterDays).toBe(typed);
    }
    expect(await getCompanySettings(tenant.tenantId)).toEqual(before);

    // Empty: never (and no company of this file is left with a retention for another file's run).
    expect((await client.post(SETTINGS, { ...saved, eraseAfterDays: '' })).status).toBe(303);
    expect((await getCompanySettings(tenant.tenantId)).eraseAfterDays).toBeNull();
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

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ASSIGNMENTS = '/console/admin/assignments';

async function pushedGroup(displayName: string, memberIds: string[]): Promise<string> {
  const created = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: memberIds.map((value) => ({ value })) });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function pushedMember(local: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await scim.post('/Users', oktaUser(`${local}.a${(sequence += 1)}@${tenant.domain}`, extra));
  expect(created.status).toBe(201);
  return created.body.id;
}

describe('assignments pages', () => {
  it('adds an automatic assignment after a preview: the group found by name, a seat, a permission profile, data capture', async () => {
    const client = await asAdminToken();
    const seat = (await admin.post('/seats', { name: `Closer ${sequence}`, total: 1, capabilities: ['dataCapture'] })).body;
    const workspace = (await admin.post('/workspaces', { name: 'Pipeline', permissionProfiles: [{ id: 'rep', name: 'Rep', requiresSeatTypeId: seat.id }, { id: 'viewer', name: 'Viewer' }] })).body;
    const members = [await pushedMember('seller.one'), await pushedMember('seller.two')];
    const groupName = `Sales ${sequence}`;
    const groupId = await pushedGroup(groupName, members);

    const blank = await client.get(`${ASSIGNMENTS}/new`);
    expect(blank.status).toBe(200);
    expect(blank.html).not.toContain('value="save"');
    const found = await client.post(`${ASSIGNMENTS}/new`, { ...client.formOf(blank, `${ASSIGNMENTS}/new`), name: 'Sales team', groupSearch: groupName.toUpperCase(), action: 'search' });
    expect(found.status).toBe(200);
    expect(found.html).toContain(`name="group.${groupId}"`);

    const choices = {
      ...client.formOf(found, `${ASSIGNMENTS}/new`),
      [`group.${groupId}`]: 'on',
      [`seat.${seat.id}`]: 'on',
      [`permission.${workspace.id}`]: 'rep',
      'dc.webConferences': 'record',
      updateMode: 'automatic',
    };
    const preview = await client.post(`${ASSIGNMENTS}/new`, { ...choices, action: 'preview' });
    expect(preview.status, preview.html.slice(-2000)).toBe(200);
    expect(preview.html).toMatch(/Members it would cover<\/dt><dd>2<\/dd><dt>Would get a seat<\/dt><dd>1<\/dd><dt>Short of seats<\/dt><dd>1<\/dd>/);
    expect(preview.html).toContain('2 of the members it covers have no manager email from Okta');
    expect(preview.html).toContain('value="save"');
    expect((await getCompanyConfig(tenant.tenantId)).assignments.map((assignment) => assignment.name)).not.toContain('Sales team');

    // The article's other pitfall: a profile needing a seat the assignment does not give.
    const { [`seat.${seat.id}`]: _seat, ...withoutSeat } = choices;
    const warned = await client.post(`${ASSIGNMENTS}/new`, { ...withoutSeat, action: 'preview' });
    expect(warned.html).toContain(`The Rep profile in Pipeline needs a ${seat.name} seat, which this assignment does not give`);
    expect(warned.html).toContain('Data capture needs a seat that unlocks it');

    const saved = await client.post(`${ASSIGNMENTS}/new`, { ...client.formOf(preview, `${ASSIGNMENTS}/new`), action: 'save' });
    expect(saved.status, saved.html.slice(-1500)).toBe(303);
    expect(saved.location).toBe(`${ASSIGNMENTS}?saved=Sales%20team`);
    const created = (await getCompanyConfig(tenant.tenantId)).assignments.find((assignment) => assignment.name === 'Sales team')!;
    expect(created).toMatchObject({ groupIds: [groupId], seatTypeIds: [seat.id], permissions: { [workspace.id]: 'rep' }, updateMode: 'automatic', dataCapture: { webConferences: 'record' } });
    const seated = await Promise.all(members.map(async (id) => (await admin.get(`/team-members/${id}`)).body.effectiveSettings));
    expect(seated.map((settings) => settings.heldSeatTypeIds.length).sort()).toEqual([0, 1]);
    expect((await client.get(`${ASSIGNMENTS}?saved=Sales%20team`)).html).toContain('Saved Sales team.');
  });

  it('browses the pushed groups a page at a time when no name is given', async () => {
    const client = await asAdminToken();
    await Promise.all(Array.from({ length: 21 }, (_, index) => pushedGroup(`Browse ${sequence}-${index}`, [])));
    const blank = await client.get(`${ASSIGNMENTS}/new`);
    const first = await client.post(`${ASSIGNMENTS}/new`, { ...client.formOf(blank, `${ASSIGNMENTS}/new`), action: 'search' });
    expect(first.html.match(/name="group\./g)).toHaveLength(20);
    expect(first.html).toContain('value="moreGroups"');
    const second = await client.post(`${ASSIGNMENTS}/new`, { ...client.formOf(first, `${ASSIGNMENTS}/new`), action: 'moreGroups' });
    expect(second.status).toBe(200);
    expect(second.html.match(/name="group\./g)!.length).toBeGreaterThan(0);
  });

  it('reorders assignments with Move up / Move down and deletes one after a confirmation', async () => {
    const client = await asAdminToken();
    const make = async (name: string, priority: number) => (await admin.post('/assignments', { name, priority, groupIds: [] })).body.id as string;
    const base = 1000 + sequence * 10;
    sequence += 1;
    const [first, second] = [await make(`First ${base}`, base), await make(`Second ${base}`, base + 1)];
    const order = async () => (await getCompanyConfig(tenant.tenantId)).assignments.map((assignment) => assignment.id).filter((id) => id === first || id === second);
    const list = await client.get(ASSIGNMENTS);
    expect(list.html).toContain(`aria-label="Move up: Second ${base}"`);
    const moved = await client.post(`${ASSIGNMENTS}/${second}/move`, { ...client.formOf(list, `${ASSIGNMENTS}/${second}/move`) });
    expect(moved.status).toBe(303);
    expect(await order()).toEqual([second, first]);

    const confirm = await client.get(`${ASSIGNMENTS}/${first}/delete`);
    expect(confirm.html).toContain(`Delete First ${base}?`);
    const deleted = await client.post(`${ASSIGNMENTS}/${first}/delete`, client.formOf(confirm, `${ASSIGNMENTS}/${first}/delete`));
    expect(deleted.location).toBe(`${ASSIGNMENTS}?deleted=${encodeURIComponent(`First ${base}`)}`);
    expect(await order()).toEqual([second]);
  });

  it('lists what is wrong with a draft and saves nothing', async () => {
    const client = await asAdminToken();
    const before = await getCompanyConfig(tenant.tenantId);
    const blank = await client.get(`${ASSIGNMENTS}/new`);
    const refused = await client.post(`${ASSIGNMENTS}/new`, { ...client.formOf(blank, `${ASSIGNMENTS}/new`), name: ' ', 'group.not-a-group': 'on', action: 'save' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('Name: ');
    const unknownGroup = await client.post(`${ASSIGNMENTS}/new`, { ...client.formOf(blank, `${ASSIGNMENTS}/new`), name: 'Ghosts', 'group.not-a-group': 'on', action: 'save' });
    expect(unknownGroup.status).toBe(400);
    expect(unknownGroup.html).toContain('Unknown group not-a-group');
    expect(await getCompanyConfig(tenant.tenantId)).toEqual(before);
  });

  it('is for admins only, and every change is a checked form post', async () => {
    const assignment = (await admin.post('/assignments', { name: `Guarded ${sequence}`, priority: 5000 + (sequence += 1), groupIds: [] })).body.id;
    const { client: member } = await asMember();
    expect((await member.get(ASSIGNMENTS)).status).toBe(403);
    const csrf = member.csrfOf(await member.get('/console/team'));
    expect((await member.post(`${ASSIGNMENTS}/${assignment}/delete`, { csrf })).status).toBe(403);
    const client = await asAdminToken();
    expect((await client.post(`${ASSIGNMENTS}/${assignment}/delete`, { csrf: 'forged' })).status).toBe(403);
    expect((await getCompanyConfig(tenant.tenantId)).assignments.some((candidate) => candidate.id === assignment)).toBe(true);
  });
});

describe('seats, import errors and connections pages', () => {
  it('shows each seat type’s total, in use and free, and who is short of one', async () => {
    const client = await asAdminToken();
    const seat = (await admin.post('/seats', { name: `Scarce ${(sequence += 1)}`, total: 1 })).body;
    const ids = [await pushedMember('first.seated'), await pushedMember('second.short')];
    const group = await pushedGroup(`Scarce group ${sequence}`, ids);
    expect((await admin.post('/assignments', { name: `Scarce ${sequence}`, priority: 9000 + sequence, groupIds: [group], seatTypeIds: [seat.id] })).status).toBe(201);
    const page = await client.get('/console/admin/seats');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<th scope="row">${seat.name}</th><td>1</td><td>1</td><td>0</td>`);
    const short = (await Promise.all(ids.map(async (id) => (await admin.get(`/team-members/${id}`)).body))).find((member) => member.effectiveSettings.seatShortage.length)!;
    expect(page.html).toContain(`href="/console/admin/team-members/${short.id}"`);
    expect(page.html).toContain(`Short of a seat: ${seat.name}`);
    expect(page.html).not.toContain(seat.id);
  });

  it('lists a refused import with its rule in words, newest first, until Okta sends the person fixed', async () => {
    const client = await asAdminToken();
    const stranger = `stranger.s${(sequence += 1)}@elsewhere.example`;
    const other = `stranger.s${(sequence += 1)}@elsewhere.example`;
    expect((await scim.post('/Users', oktaUser(stranger))).status).toBe(400);
    expect((await scim.post('/Users', oktaUser(other))).status).toBe(400);
    const page = await client.get('/console/admin/import-errors');
    expect(page.status).toBe(200);
    const row = (userName: string) => `<th scope="row">${userName}</th><td>The email must be at one of the company’s domains</td>`;
    expect(page.html).toContain(row(stranger));
    expect(page.html.indexOf(row(other))).toBeLessThan(page.html.indexOf(row(stranger)));

    // The admin fixes the email in Okta; Okta pushes the same person again and they are imported.
    const fixed = oktaUser(stranger, { emails: [{ primary: true, value: `stranger.fixed${sequence}@${tenant.domain}`, type: 'work' }] });
    expect((await scim.post('/Users', fixed)).status).toBe(201);
    const after = await client.get('/console/admin/import-errors');
    expect(after.html).not.toContain(row(stranger));
    expect(after.html).toContain(row(other));
    expect(JSON.stringify((await admin.get('/import-errors')).body.rejectedImports)).not.toContain(stranger);
  });

  it('adds a connection, generates a SCIM token shown once, and deletes the connection after naming what stops', async () => {
    const client = await asAdminToken();
    const list = await client.get('/console/admin/connections');
    expect(list.html).toContain(`value="${api.baseUrl}/scim/v2"`);
    expect(list.html).toContain(`value="${api.baseUrl}/oauth/authorize"`);
    expect(list.html).toContain(`value="${api.baseUrl}/oauth/token"`);
    const name = `Okta sandbox ${(sequence += 1)}`;
    const created = await client.post('/console/admin/connections', { ...client.formOf(list, '/console/admin/connections'), name });
    expect(created.location).toBe(`/console/admin/connections?created=${encodeURIComponent(name)}`);
    const connection = (await admin.get('/connections')).body.connections.find((candidate: { name: string }) => candidate.name === name);
    expect(connection.source).toBe('okta');

    const withIt = await client.get('/console/admin/connections');
    const issued = await client.post(`/console/admin/connections/${connection.id}/tokens`, client.formOf(withIt, `/console/admin/connections/${connection.id}/tokens`));
    expect(issued.status).toBe(201);
    const token = /id="new-token" class="secret" value="([^"]+)"/.exec(issued.html)![1]!;
    expect((await scimClient(`${api.baseUrl}/scim/v2`, token).get('/Users?count=1')).status).toBe(200);

    const confirm = await client.get(`/console/admin/connections/${connection.id}/delete`);
    expect(confirm.html).toContain(`Provisioning through <strong>${name}</strong> stops at once`);
    const deleted = await client.post(`/console/admin/connections/${connection.id}/delete`, client.formOf(confirm, `/console/admin/connections/${connection.id}/delete`));
    expect(deleted.status).toBe(303);
    expect((await scimClient(`${api.baseUrl}/scim/v2`, token).get('/Users?count=1')).status).toBe(401);
    expect((await client.get(deleted.location!)).html).toContain(`Deleted ${name}.`);
  });

  it('refuses a connection without a name and creates nothing', async () => {
    const client = await asAdminToken();
    const before = (await admin.get('/connections')).body.connections.length;
    const refused = await client.post('/console/admin/connections', { ...client.formOf(await client.get('/console/admin/connections'), '/console/admin/connections'), name: ' ' });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('it needs a name');
    expect((await admin.get('/connections')).body.connections).toHaveLength(before);
  });

  it('are for admins only', async () => {
    const { client } = await asMember();
    for (const path of ['/console/admin/seats', '/console/admin/import-errors', '/console/admin/connections']) expect((await client.get(path)).status).toBe(403);
    const csrf = client.csrfOf(await client.get('/console/team'));
    expect((await client.post('/console/admin/connections', { csrf, name: 'Sneaky' })).status).toBe(403);
    expect((await client.post(`/console/admin/connections/${tenant.connectionId}/tokens`, { csrf })).status).toBe(403);
  });
});

describe('team members pages', () => {
  it('finds a member by work email or full name and shows their fields, sources, manager, reports, groups and settings', async () => {
    const client = await asAdminToken();
    const bossEmail = `boss.b${(sequence += 1)}@${tenant.domain}`;
    const boss = (await scim.post('/Users', oktaUser(bossEmail))).body.id as string;
    const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';
    const reportEmail = `report.r${sequence}@${tenant.domain}`;
    const report = (await scim.post('/Users', oktaUser(reportEmail, { title: 'Account Executive', [ROSTER]: { managerEmail: bossEmail } }))).body.id as string;
    await pushedGroup(`Members page ${sequence}`, [report]);

    const byEmail = await client.get(`/console/admin/team-members?q=${encodeURIComponent(reportEmail.toUpperCase())}`);
    expect(byEmail.html).toContain(`href="/console/admin/team-members/${report}"`);
    const byName = await client.get(`/console/admin/team-members?q=${encodeURIComponent(`boss B${sequence}`)}`);
    expect(byName.html).toContain(`href="/console/admin/team-members/${boss}"`);
    expect((await client.get('/console/admin/team-members?q=nobody.here%40example.com')).html).toContain('Nobody has the email or full name');

    const page = await client.get(`/console/admin/team-members/${report}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<dt>Title</dt><dd>Account Executive <span class="muted">(from Okta)</span>');
    expect(page.html).toContain('<dt>Country</dt><dd>— <span class="muted">(empty; can be set by hand once)</span>');
    expect(page.html).toContain(`<a href="/console/admin/team-members/${boss}">`);
    expect(page.html).toContain(`Members page ${sequence}`);
    expect(page.html).toContain('<dt>Assignment</dt><dd>Default</dd>');
    expect((await client.get(`/console/admin/team-members/${boss}`)).html).toContain(`<a href="/console/admin/team-members/${report}">`);
  });

  it('sets an empty field by hand once, under the ownership rules, and refuses a field Okta owns', async () => {
    const client = await asAdminToken();
    const id = await pushedMember('hand.set', { title: 'Engineer' });
    const path = `/console/admin/team-members/${id}`;
    const page = await client.get(path);
    const form = client.formOf(page, `${path}/profile`);
    expect(page.html).toContain('<label for="set-country">Set country by hand</label>');
    expect(page.html).not.toContain('id="set-title"');

    const saved = await client.post(`${path}/profile`, { ...form, field: 'country', value: 'Israel' });
    expect(saved.location).toBe(`${path}?saved=country`);
    const after = await client.get(saved.location!);
    expect(after.html).toContain('country saved.');
    // Stored as the profile rules normalise it: the ISO 3166 code.
    expect(after.html).toContain('<dt>Country</dt><dd>IL <span class="muted">(set by hand)</span>');
    expect(after.html).not.toContain('id="set-country"');
    expect((await admin.get(`/team-members/${id}`)).body.fields.country).toEqual({ value: 'IL', source: 'manual', editableByHand: false });

    // Okta's title, and the hand-set country a second time, are not the admin's to overwrite.
    for (const [field, value] of [['title', 'Boss'], ['country', 'France']]) {
      const refused = await client.post(`${path}/profile`, { ...form, field: field!, value: value! });
      expect(refused.status).toBe(409);
      expect(refused.html).toContain('Nothing was saved:');
    }
    const unknown = await client.post(`${path}/profile`, { ...form, field: 'password', value: 'x' });
    expect(unknown.status).toBe(400);
    expect((await admin.get(`/team-members/${id}`)).body.fields).toMatchObject({ title: { value: 'Engineer', source: 'provider' }, country: { value: 'IL' } });
  });

  it('lists the members flagged for one thing, a page of members at a time', async () => {
    const client = await asAdminToken();
    const unreadable = await pushedMember('bad.phone', { phoneNumbers: [{ value: 'call me maybe', type: 'work' }] });
    const fine = await pushedMember('good.phone', { phoneNumbers: [{ value: '+1 212 555 0100', type: 'work' }] });
    const page = await client.get('/console/admin/team-members?flag=phoneNumbers');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h2 id="flagged-heading">Unreadable phone number</h2>');
    expect(page.html).toContain(`href="/console/admin/team-members/${unreadable}"`);
    expect(page.html).toContain('Phone: ');
    expect(page.html).not.toContain(`href="/console/admin/team-members/${fine}"`);
    expect((await client.get('/console/admin/team-members?flag=constructor')).html).not.toContain('flagged-heading');
    expect((await admin.get('/team-members?flag=phoneNumbers')).body.teamMembers.map((member: { id: string }) => member.id)).toContain(unreadable);
  });

  it('erases a person on request after a confirmation naming what happens: deleted, no personal value kept, SCIM 404', async () => {
    const client = await asAdminToken();
    const id = await pushedMember('erase.me', { title: 'Very Particular Title', phoneNumbers: [{ value: '+1 212 555 0177', type: 'work' }] });
    const path = `/console/admin/team-members/${id}`;
    expect((await client.get(path)).html).toContain(`href="${path}/erase"`);
    const confirm = await client.get(`${path}/erase`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('This cannot be undone.');
    const form = client.formOf(confirm, `${path}/erase`);
    // Without the session's CSRF token nothing happens.
    expect((await client.post(`${path}/erase`, {})).status).toBe(403);
    expect((await scim.get(`/Users/${id}`)).status).toBe(200);

    const personalValues = ['very particular title', '+12125550177', 'erase.me'];
    const storedBefore = JSON.stringify(await tenantItems(tenant.tenantId)).toLowerCase();
    for (const personal of personalValues) expect(storedBefore, personal).toContain(personal);

    const erased = await client.post(`${path}/erase`, form);
    expect(erased.location).toBe('/console/admin/team-members?erased=1');
    expect((await client.get(erased.location!)).html).toContain('personal data erased.');
    expect((await scim.get(`/Users/${id}`)).status).toBe(404);
    expect((await client.get(path)).status).toBe(404);
    const stored = JSON.stringify(await tenantItems(tenant.tenantId)).toLowerCase();
    for (const personal of personalValues) expect(stored, personal).not.toContain(personal);
  });

  it('are for admins only', async () => {
    const { client, id } = await asMember();
    expect((await client.get('/console/admin/team-members')).status).toBe(403);
    expect((await client.get(`/console/admin/team-members/${id}`)).status).toBe(403);
    const form = { csrf: client.csrfOf(await client.get('/console/team')), field: 'country', value: 'Israel' };
    expect((await client.post(`/console/admin/team-members/${id}/profile`, form)).status).toBe(403);
    expect((await client.get(`/console/admin/team-members/${id}/erase`)).status).toBe(403);
    expect((await client.post(`/console/admin/team-members/${id}/erase`, form)).status).toBe(403);
    expect((await scim.get(`/Users/${id}`)).status).toBe(200);
  });
});
