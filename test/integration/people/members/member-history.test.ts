import '../../../support/environment.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StreamPoller } from '../../../../infra/local/stream-poller.js';
import { releaseDueNotifications } from '../../../../shared/people/notifications/release-notifications.js';
import { findDigest } from '../../../../shared/store/manager-digests.js';
import { adminClient, type AdminClient } from '../../../support/admin-client.js';
import { consoleClient } from '../../../support/console-client.js';
import { startTestApi } from '../../../support/http-stack.js';
import { notifyingCompany } from '../../../support/notifying-company.js';
import { PATCH_OP, oktaUser, scimClient } from '../../../support/scim-client.js';
import { emailsTo } from '../../../support/ses-inbox.js';
import { startTestStreamPoller } from '../../../support/stream.js';
import { createTestTenant } from '../../../support/tenant.js';

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const NEW_YORK = { locale: 'en-US', timezone: 'America/New_York' };

let api: Awaited<ReturnType<typeof startTestApi>>;
let poller: StreamPoller;

beforeAll(async () => {
  api = await startTestApi();
  poller = startTestStreamPoller();
});
afterAll(async () => {
  await poller?.stop();
  await api?.stop();
});

/** Every page of a member's history over the admin API, following nextCursor, `count` at a time. */
async function wholeHistory(admin: AdminClient, id: string, count: number) {
  const entries: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await admin.get(`/team-members/${id}/history?count=${count}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    expect(page.body.entries.length).toBeLessThanOrEqual(count);
    entries.push(...page.body.entries);
    cursor = page.body.nextCursor;
  } while (cursor);
  return entries;
}

describe('a team member’s history', () => {
  it('lists a member pushed over SCIM, moved between groups, hand-edited and deactivated, newest first, with who did each', async () => {
    const domain = `h${Date.now().toString(36)}.example.com`;
    const tenant = await createTestTenant(domain, 'History Co');
    const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
    const admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
    const connection = `connection:${tenant.connectionId}`;
    const sales = (await scim.post('/Groups', { schemas: [GROUP], displayName: 'Sales' })).body.id;
    const support = (await scim.post('/Groups', { schemas: [GROUP], displayName: 'Support' })).body.id;

    const created = await scim.post('/Users', oktaUser(`kim.moved@${domain}`, { title: 'Account Executive' }));
    expect(created.status).toBe(201);
    const id = created.body.id;
    const members = (op: 'add' | 'remove') => ({ schemas: [PATCH_OP], Operations: [{ op, path: 'members', value: [{ value: id }] }] });
    expect((await scim.patch(`/Groups/${sales}`, members('add'))).status).toBe(204);
    await poller.drain();
    expect((await scim.patch(`/Groups/${sales}`, members('remove'))).status).toBe(204);
    expect((await scim.patch(`/Groups/${support}`, members('add'))).status).toBe(204);
    await poller.drain();
    expect((await admin.patch(`/team-members/${id}`, { profile: { country: 'DE' } })).status).toBe(200);
    await poller.drain();
    expect((await scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] })).status).toBe(200);
    await poller.drain();

    const history = await wholeHistory(admin, id, 2);
    const times = history.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    // Roster's own follow-ups (settings, the notification decision) are interleaved; the changes people made, in order:
    const made = history.filter((entry) => entry.actor !== 'roster').reverse();
    expect(made.map((entry) => [entry.event, entry.actor])).toEqual([
      ['created', connection],
      ['groupsChanged', connection],
      ['groupsChanged', connection],
      ['groupsChanged', connection],
      ['profileChanged', 'admin'],
      ['deactivated', connection],
    ]);
    expect(made[0].changes).toContainEqual({ field: 'userName', from: null, to: `kim.moved@${domain}` });
    expect(made.slice(1, 4).map((entry) => entry.detail)).toEqual([
      { joined: [sales], left: [] },
      { joined: [], left: [sales] },
      { joined: [support], left: [] },
    ]);
    expect(made[4].changes).toContainEqual({ field: 'urn:ietf:params:scim:schemas:extension:roster:2.0:User.country', from: null, to: 'DE' });
    expect(made[5].changes).toEqual([{ field: 'active', from: true, to: false }]);
    expect(JSON.stringify(history)).not.toContain('1mz050nq');
    const roster = history.filter((entry) => entry.actor === 'roster').map((entry) => entry.event);
    expect(roster).toContain('settingsRecomputed');
    expect(roster).toContain('notificationNotQueued');

    // The console's member page shows the latest entries.
    const client = consoleClient(api.baseUrl);
    const form = await client.get(`/console/sign-in?company=${tenant.tenantId}`);
    await client.post('/console/sign-in/admin-token', { csrf: client.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next: '/console/admin/settings' });
    const page = await client.get(`/console/admin/team-members/${id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Deactivated');
    expect(page.html).toContain('Tech admin');
    expect(page.html).toContain(`Provisioning connection ${tenant.connectionId}`);
    expect(page.html).toContain('Groups changed');
  });

  it('refuses a cursor of another list and answers 404 for a member that is not there', async () => {
    const domain = `h2${Date.now().toString(36)}.example.com`;
    const tenant = await createTestTenant(domain, 'History Two');
    const admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
    expect((await admin.get('/team-members/nobody/history')).status).toBe(404);
    const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
    const id = (await scim.post('/Users', oktaUser(`lee.one@${domain}`))).body.id;
    const foreign = Buffer.from(JSON.stringify({ pk: 'T#other#HIST#x', sk: '2026#1' })).toString('base64url');
    expect((await admin.get(`/team-members/${id}/history?cursor=${foreign}`)).status).toBe(400);
  });
});

describe('"why no email?" in the member’s admin view', () => {
  it('says, for a burst of imports, which managers were mailed and why the others were not', async () => {
    const company = await notifyingCompany();
    const admin = adminClient(`${api.baseUrl}/admin/v1`, company.tenant.adminToken);
    const boss = await company.person('why.boss', NEW_YORK);
    const gone = await company.person('why.gone', NEW_YORK);
    const staged = await company.person('why.staged', { active: false });
    const reports = {
      mailed: await company.person('why.mailed', {}, 'why.boss'),
      alsoMailed: await company.person('why.also', {}, 'why.boss'),
      noManager: await company.person('why.alone'),
      inactiveManager: await company.person('why.orphan', {}, 'why.gone'),
    };
    await poller.drain();
    const view = async (id: string) => (await admin.get(`/team-members/${id}`)).body.notification;

    // Queued: for which manager, due when.
    const digest = await findDigest(company.tenantId, boss.id);
    expect(await view(reports.mailed.id)).toMatchObject({ state: 'queued', managerId: boss.id, dueAt: digest!.dueAt, summary: expect.stringContaining(`due ${digest!.dueAt}`) });
    expect(await view(reports.noManager.id)).toMatchObject({ state: 'notSent', reason: 'managerMissing', summary: expect.stringContaining('has no manager') });
    expect(await view(staged.id)).toMatchObject({ state: 'notImported' });

    // The inactive manager is found out when the digest is due.
    await scimClient(`${api.baseUrl}/scim/v2`, company.tenant.scimToken).patch(`/Users/${gone.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    await poller.drain();
    const due = [digest!.dueAt, (await findDigest(company.tenantId, gone.id))!.dueAt].sort();
    await releaseDueNotifications({ now: new Date(due[1]!) });

    const [mail] = await emailsTo(inject('sesUrl'), company.email('why.boss'));
    for (const mailed of [reports.mailed, reports.alsoMailed]) {
      expect(await view(mailed.id)).toMatchObject({ state: 'sent', managerId: boss.id, messageId: mail!.messageId, summary: expect.stringContaining(mail!.messageId) });
    }
    expect(await view(reports.inactiveManager.id)).toMatchObject({ state: 'notSent', reason: 'managerInactive', managerId: gone.id, summary: 'Not sent: the manager is not active.' });

    // The same decisions are in each member's history.
    const events = async (id: string) => (await wholeHistory(admin, id, 50)).filter((entry) => entry.event.startsWith('notification')).map((entry) => [entry.event, entry.detail]);
    expect(await events(reports.mailed.id)).toEqual([
      ['notificationSent', { managerId: boss.id, messageId: mail!.messageId }],
      ['notificationQueued', { managerId: boss.id, dueAt: expect.any(String) }],
    ]);
    expect(await events(reports.inactiveManager.id)).toEqual([
      ['notificationNotSent', { managerId: gone.id, reason: 'managerInactive' }],
      ['notificationQueued', { managerId: gone.id, dueAt: expect.any(String) }],
    ]);
    expect(await events(reports.noManager.id)).toEqual([['notificationNotQueued', { reason: 'managerMissing' }]]);
  });

  it('says the company setting was off', async () => {
    const company = await notifyingCompany({ notify: false });
    const admin = adminClient(`${api.baseUrl}/admin/v1`, company.tenant.adminToken);
    await company.person('off.boss', NEW_YORK);
    const report = await company.person('off.report', {}, 'off.boss');
    await poller.drain();
    expect((await admin.get(`/team-members/${report.id}`)).body.notification).toMatchObject({
      state: 'notSent',
      reason: 'settingOff',
      summary: 'Not sent: the company does not notify managers of new team members (the setting is off).',
    });
  });
});
