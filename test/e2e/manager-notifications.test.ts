import { DateTime, Info } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../../shared/config.js';
import { digestMessages } from '../../shared/mail/digest-messages.js';
import { resetDocumentClientForTests } from '../../shared/store/client.js';
import { getImportRecord } from '../../shared/store/import-records.js';
import { adminClient, type AdminClient } from '../support/admin-client.js';
import { eventually } from '../support/eventually.js';
import { startLocalStackProcess, stopCleanly, type LocalStackProcess } from '../support/local-stack-process.js';
import { Started } from '../support/started.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../support/scim-client.js';
import { emailsTo } from '../support/ses-inbox.js';

const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';
/** "At once" is within the debounce; a short one keeps the test quick (the default is 60 s). */
const DEBOUNCE_SECONDS = 3;
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
 * emulator's HTTP API. The demo company notifies managers and records its "Sales" group. That
 * nothing was sent is asserted once a positive signal says it was decided: the member's import
 * record (the stack's own notification state, read from its table), or a later email.
 */
describe('manager notifications against `npm start`', () => {
  let stack: LocalStackProcess;
  let scim: ScimClient;
  let admin: AdminClient;
  let sales: string;
  const started = new Started();
  const previousEnv = { NOTIFY_DEBOUNCE_SECONDS: process.env.NOTIFY_DEBOUNCE_SECONDS, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT, TABLE_NAME: process.env.TABLE_NAME };
  const restoreEnv = () => {
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetConfigForTests();
    resetDocumentClientForTests();
  };

  beforeAll(async () => {
    process.env.NOTIFY_DEBOUNCE_SECONDS = String(DEBOUNCE_SECONDS);
    stack = await started.track(startLocalStackProcess(), stopCleanly);
    // This process reads the stack's table through Roster's store, never writing to it.
    process.env.DYNAMODB_ENDPOINT = stack.info.dynamoDbEndpoint;
    process.env.TABLE_NAME = stack.info.tableName;
    resetConfigForTests();
    resetDocumentClientForTests();
    scim = scimClient(stack.info.scimBaseUrl, stack.info.scimToken);
    admin = adminClient(stack.info.adminBaseUrl, stack.info.adminToken);
    const groups = await scim.get(`/Groups?filter=${encodeURIComponent('displayName eq "Sales"')}&excludedAttributes=members`);
    sales = groups.body.Resources[0].id;
  });
  afterAll(async () => {
    restoreEnv();
    await started.stopAll();
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
  /** The member's import record once `check` holds for it: what the stream and the release decided. */
  const importRecordOnce = (id: string, check: (record: Awaited<ReturnType<typeof getImportRecord>>) => void) =>
    eventually(async () => {
      const record = await getImportRecord(stack.info.tenantId, id);
      check(record);
      return record;
    });
  const heldSeats = async (id: string): Promise<string[]> => (await admin.get(`/team-members/${id}`)).body.effectiveSettings?.heldSeatTypeIds ?? [];

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
    expect(mail!.body.text).toContain(`${stack.info.consoleUrl}/team?company=${stack.info.tenantId}`);
    // Sales is governed automatically: the email does not offer a switch Nora could not use.
    expect(mail!.body.text).not.toContain('turn data capture on or off');
    expect(await inbox('ravi.report')).toEqual([]);
  });

  it('sends nothing more when the notified member is updated, deactivated and reactivated', async () => {
    await manager('otto.manager');
    const id = await recordedReport('olga.report', 'otto.manager');
    await eventually(async () => expect(await inbox('otto.manager')).toHaveLength(1));
    const replace = (value: Record<string, unknown>) => scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value }] });
    expect((await replace({ title: 'Senior Account Executive' })).status).toBe(200);
    expect((await replace({ active: false })).status).toBe(200);
    // The stream has handled each change once the seat it moves has moved.
    await eventually(async () => expect(await heldSeats(id)).toEqual([]));
    expect((await replace({ active: true })).status).toBe(200);
    await eventually(async () => expect(await heldSeats(id)).not.toEqual([]));
    // A later report of the same (recorded) team, outside Sales so that it takes none of the demo's
    // few seats: a notification queued again for Olga would share its digest, or go out before it.
    await create('olive.report', { [ROSTER]: { managerEmail: 'otto.manager@example.com' } });
    const mails = await eventually(async () => {
      const received = await inbox('otto.manager');
      expect(received).toHaveLength(2);
      return received;
    });
    expect(mails[1]!.body.text).toContain('olive.report@example.com');
    expect(mails[1]!.body.text).not.toContain('olga.report@example.com');
  });

  it('sends nothing for a report of an unrecorded team, while a recorded team’s manager is told', async () => {
    await manager('uma.manager');
    const unrecorded = await create('ugo.report', { [ROSTER]: { managerEmail: 'uma.manager@example.com' } });
    await manager('rita.manager');
    await recordedReport('rob.report', 'rita.manager');
    await eventually(async () => expect(await inbox('rita.manager')).toHaveLength(1));
    await importRecordOnce(unrecorded, (record) => expect(record?.outcome).toBe('teamNotRecorded'));
    expect(await inbox('uma.manager')).toEqual([]);
  });

  it('sends nothing while the company setting is off', async () => {
    const { body: settings } = await admin.get('/settings');
    expect(settings.notifyManagersOnImport).toBe(true);
    expect((await admin.put('/settings', { ...settings, notifyManagersOnImport: false })).status).toBe(200);
    await manager('sid.manager');
    const unannounced = await recordedReport('sue.report', 'sid.manager');
    // Imported while the setting was off: recorded as imported, queued for nobody.
    const record = await importRecordOnce(unannounced, (found) => expect(found?.importedAt).toBeDefined());
    expect(record).not.toHaveProperty('queuedAt');
    expect(await inbox('sid.manager')).toEqual([]);

    const { body: current } = await admin.get('/settings');
    expect((await admin.put('/settings', { ...current, notifyManagersOnImport: true })).status).toBe(200);
    await manager('tia.manager');
    await recordedReport('tom.report', 'tia.manager');
    await eventually(async () => expect(await inbox('tia.manager')).toHaveLength(1));
    expect(await inbox('sid.manager')).toEqual([]);
  });
});
