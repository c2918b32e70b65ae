import { DateTime, Info } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestMessages } from '../../shared/mail/digest-messages.js';
import { adminClient, type AdminClient } from '../support/admin-client.js';
import { eventually } from '../support/eventually.js';
import { startLocalStackProcess, type LocalStackProcess } from '../support/local-stack-process.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../support/scim-client.js';
import { emailsTo } from '../support/ses-inbox.js';

const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';
/** "At once" is within the debounce; a short one keeps the test quick (the default is 60 s). */
const DEBOUNCE_SECONDS = 3;
/** Longer than the debounce plus a run of the local release interval (2 s), with room to spare. */
const SETTLE_MS = (DEBOUNCE_SECONDS + 5) * 1000;
const ZONE = 'America/New_York';

/**
 * A locale whose weekend is neither today nor tomorrow in New York, so this wall-clock test never
 * meets a weekend hold (that is driven by a clock in test/integration/people/import-notifications).
 */
function workingLocale(): string {
  const today = DateTime.now().setZone(ZONE);
  const days = [today.weekday, today.plus({ days: 1 }).weekday];
  return ['en-US', 'he-IL', 'en-IN', 'fa-IR'].find((locale) => !Info.getWeekendWeekdays({ locale }).some((day) => days.includes(day)))!;
}

/**
 * Manager notifications against `npm start`: people Okta creates through SCIM, the stack's stream
 * poller queueing, its release interval sending through the SES emulator, read back over the
 * emulator's HTTP API. The demo company notifies managers and records its "Sales" group.
 */
describe('manager notifications against `npm start`', () => {
  let stack: LocalStackProcess;
  let scim: ScimClient;
  let admin: AdminClient;
  let sales: string;
  const previousDebounce = process.env.NOTIFY_DEBOUNCE_SECONDS;

  beforeAll(async () => {
    process.env.NOTIFY_DEBOUNCE_SECONDS = String(DEBOUNCE_SECONDS);
    stack = await startLocalStackProcess();
    scim = scimClient(stack.info.scimBaseUrl, stack.info.scimToken);
    admin = adminClient(stack.info.adminBaseUrl, stack.info.adminToken);
    const groups = await scim.get(`/Groups?filter=${encodeURIComponent('displayName eq "Sales"')}&excludedAttributes=members`);
    sales = groups.body.Resources[0].id;
  });
  afterAll(async () => {
    if (previousDebounce === undefined) delete process.env.NOTIFY_DEBOUNCE_SECONDS;
    else process.env.NOTIFY_DEBOUNCE_SECONDS = previousDebounce;
    expect(await stack?.stop()).toBe(0);
  });

  const inbox = (local: string) => emailsTo(stack.info.sesApiUrl, `${local}@example.com`);
  const create = async (local: string, overrides: Record<string, unknown> = {}) => {
    const response = await scim.post('/Users', oktaUser(`${local}@example.com`, overrides));
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  };
  const manager = (local: string) => create(local, { locale: workingLocale(), timezone: ZONE });
  /** A report as Okta pushes it: the user, then its membership of the recorded Sales group. */
  const recordedReport = async (local: string, managerLocal: string, title = 'Account Executive') => {
    const id = await create(local, { title, [ROSTER]: { managerEmail: `${managerLocal}@example.com` } });
    expect((await scim.patch(`/Groups/${sales}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }] })).status).toBe(204);
    return id;
  };
  const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));

  it('emails the manager of a new recorded report, with who joined, title, email and data capture', async () => {
    await manager('nora.manager');
    await recordedReport('ravi.report', 'nora.manager');
    const [mail] = await eventually(async () => {
      const mails = await inbox('nora.manager');
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(mail!.subject).toContain('Ravi Report');
    expect(mail!.from).toBe('Roster <no-reply@roster.local>');
    expect(mail!.body.text).toContain('Account Executive');
    expect(mail!.body.text).toContain('ravi.report@example.com');
    expect(mail!.body.html).toContain('ravi.report@example.com');
    // The demo's Sales assignment records web conferences, calendar meetings, telephony calls and emails.
    const { capture } = digestMessages(workingLocale());
    expect(mail!.body.text).toContain([capture.webConferences, capture.calendarMeetings, capture.telephonyCalls, capture.emails].join(', '));
    expect(mail!.body.text).toContain(`${stack.info.adminBaseUrl.replace('/admin/v1', '')}/team`);
    expect(await inbox('ravi.report')).toEqual([]);
  });

  it('sends nothing more when the notified member is updated, deactivated and reactivated', async () => {
    await manager('otto.manager');
    const id = await recordedReport('olga.report', 'otto.manager');
    await eventually(async () => expect(await inbox('otto.manager')).toHaveLength(1));
    const replace = (value: Record<string, unknown>) => scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value }] });
    expect((await replace({ title: 'Senior Account Executive' })).status).toBe(200);
    expect((await replace({ active: false })).status).toBe(200);
    expect((await replace({ active: true })).status).toBe(200);
    await settle();
    expect(await inbox('otto.manager')).toHaveLength(1);
  });

  it('sends nothing for a report of an unrecorded team, while a recorded team’s manager is told', async () => {
    await manager('uma.manager');
    await create('ugo.report', { [ROSTER]: { managerEmail: 'uma.manager@example.com' } });
    await manager('rita.manager');
    await recordedReport('rob.report', 'rita.manager');
    await eventually(async () => expect(await inbox('rita.manager')).toHaveLength(1));
    await settle();
    expect(await inbox('uma.manager')).toEqual([]);
  });

  it('sends nothing while the company setting is off', async () => {
    const { body: settings } = await admin.get('/settings');
    expect(settings.notifyManagersOnImport).toBe(true);
    expect((await admin.put('/settings', { ...settings, notifyManagersOnImport: false })).status).toBe(200);
    await manager('sid.manager');
    await recordedReport('sue.report', 'sid.manager');
    await settle();
    expect(await inbox('sid.manager')).toEqual([]);

    const { body: current } = await admin.get('/settings');
    expect((await admin.put('/settings', { ...current, notifyManagersOnImport: true })).status).toBe(200);
    await manager('tia.manager');
    await recordedReport('tom.report', 'tia.manager');
    await eventually(async () => expect(await inbox('tia.manager')).toHaveLength(1));
    expect(await inbox('sid.manager')).toEqual([]);
  });
});
