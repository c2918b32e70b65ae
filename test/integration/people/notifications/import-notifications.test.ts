import '../../../support/environment.js';
import { inject, describe, expect, it } from 'vitest';
import { getImportRecord } from '../../../../shared/store/import-records.js';
import { findDigest } from '../../../../shared/store/manager-digests.js';
import { releaseDueNotifications } from '../../../../shared/people/notifications/release-notifications.js';
import { setTeamMemberActive } from '../../../../shared/store/team-members.js';
import { notifyingCompany, processAt } from '../../../support/notifying-company.js';
import { emailsTo } from '../../../support/ses-inbox.js';
import { insertRecordOf, memberImage, streamRecord } from '../../../support/stream-records.js';

const sesUrl = inject('sesUrl');
const at = (iso: string) => new Date(iso);
const seconds = (from: Date, count: number) => new Date(from.getTime() + count * 1000);
const release = (now: Date) => releaseDueNotifications({ now });
const inbox = (address: string) => emailsTo(sesUrl, address);

// Thursday 2027-01-07 10:00 in New York: a working day everywhere below.
const THURSDAY = at('2027-01-07T15:00:00Z');
const NEW_YORK = { locale: 'en-US', timezone: 'America/New_York' };
const JERUSALEM = { locale: 'he-IL', timezone: 'Asia/Jerusalem' };

describe('a new team member imported on a working day', () => {
  it.each([
    ['the company lets managers, but an automatic assignment governs the report', { managersCanToggleDataCapture: true, manual: false }],
    ['the report is governed by hand, but the company does not let managers', { managersCanToggleDataCapture: false, manual: true }],
  ])('offers the data-capture switch only when it works: not when %s', async (_case, options) => {
    const company = await notifyingCompany(options);
    const boss = await company.person('maria.boss', NEW_YORK);
    const report = await company.person('jane.doe', { title: 'Account Executive' }, 'maria.boss');
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, boss.id), await insertRecordOf(company.tenantId, report.id)]);
    expect(await release(seconds(THURSDAY, 60))).toMatchObject({ sent: 1 });
    const [mail] = await inbox(company.email('maria.boss'));
    for (const body of [mail!.body.text!, mail!.body.html!]) {
      expect(body).not.toContain('turn data capture on or off');
      expect(body).toContain(`http://localhost:3000/console/team?company=${company.tenantId}`);
    }
  });

  it('emails the direct manager once, after the debounce: who joined, title, email, data capture, and the toggle', async () => {
    const company = await notifyingCompany({ managersCanToggleDataCapture: true, manual: true });
    const boss = await company.person('maria.boss', NEW_YORK);
    const report = await company.person('jane.doe', { title: 'Account Executive' }, 'maria.boss');
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, boss.id), await insertRecordOf(company.tenantId, report.id)]);

    expect(await release(seconds(THURSDAY, 30))).toMatchObject({ sent: 0 });
    expect(await inbox(company.email('maria.boss'))).toEqual([]);
    expect(await release(seconds(THURSDAY, 60))).toMatchObject({ sent: 1, failed: 0 });

    const [mail, ...more] = await inbox(company.email('maria.boss'));
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('New team member: Jane Doe');
    expect(mail!.from).toBe('Roster <no-reply@roster.local>');
    for (const body of [mail!.body.text!, mail!.body.html!]) {
      expect(body).toContain('Hi Maria,');
      expect(body).toContain('Title: Account Executive');
      expect(body).toContain(`Email: ${company.email('jane.doe')}`);
      expect(body).toContain('Data capture: Web conferences, Telephony calls');
      expect(body).toContain('You can turn data capture on or off for your team members.');
      expect(body).toContain(`http://localhost:3000/console/team?company=${company.tenantId}`);
      expect(body).toContain(`your team at Test Co`);
    }
    // Nobody else is told: not the new member, not the manager about themself.
    expect(await inbox(company.email('jane.doe'))).toEqual([]);
    expect(await findDigest(company.tenantId, boss.id)).toBeUndefined();
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({
      managerId: boss.id,
      queuedAt: THURSDAY.toISOString(),
      outcome: 'sent',
      messageId: mail!.messageId,
    });
  });

  it('sends one digest for reports arriving within the debounce of each other', async () => {
    const company = await notifyingCompany();
    const boss = await company.person('lead', NEW_YORK);
    const first = await company.person('first.report', {}, 'lead');
    const second = await company.person('second.report', {}, 'lead');
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, first.id)]);
    // The second arrives 50 s later: the wait starts again, so the first is not sent alone.
    await processAt(seconds(THURSDAY, 50), [await insertRecordOf(company.tenantId, second.id)]);
    expect(await release(seconds(THURSDAY, 70))).toMatchObject({ sent: 0 });
    expect(await release(seconds(THURSDAY, 110))).toMatchObject({ sent: 1 });
    const mails = await inbox(company.email('lead'));
    expect(mails.map((mail) => mail.subject)).toEqual(['2 new members joined your team']);
    expect(mails[0]!.body.text).toContain('First Report');
    expect(mails[0]!.body.text).toContain('Second Report');
    expect(boss.id).toBeDefined();
  });
});

describe('the manager’s weekend', () => {
  it('holds reports imported on the weekend of the manager’s locale and sends one digest at 09:00 local on the next working day', async () => {
    const company = await notifyingCompany();
    const israeli = await company.person('dana.manager', JERUSALEM);
    const american = await company.person('sam.manager', NEW_YORK);
    const friday = await company.person('friday.report', {}, 'dana.manager');
    const saturday = await company.person('saturday.report', {}, 'dana.manager');
    const sameTimeInNewYork = await company.person('ny.report', {}, 'sam.manager');

    // Friday 2027-01-08 14:00 in Jerusalem (UTC+2) is the he-IL weekend; 07:00 in New York is a working day.
    const FRIDAY = at('2027-01-08T12:00:00Z');
    await processAt(FRIDAY, [await insertRecordOf(company.tenantId, friday.id), await insertRecordOf(company.tenantId, sameTimeInNewYork.id)]);
    await processAt(at('2027-01-09T10:00:00Z'), [await insertRecordOf(company.tenantId, saturday.id)]);
    expect(await findDigest(company.tenantId, israeli.id)).toMatchObject({
      memberIds: [friday.id, saturday.id].sort(),
      dueAt: '2027-01-10T07:00:00.000Z', // Sunday 09:00 Jerusalem
    });

    await release(seconds(FRIDAY, 61));
    expect(await inbox(company.email('sam.manager'))).toHaveLength(1);
    expect(await inbox(company.email('dana.manager'))).toEqual([]);

    for (const now of ['2027-01-09T12:00:00Z', '2027-01-10T06:59:59Z']) await release(at(now));
    expect(await inbox(company.email('dana.manager'))).toEqual([]);

    await release(at('2027-01-10T07:00:00Z'));
    const mails = await inbox(company.email('dana.manager'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('2 חברי צוות חדשים הצטרפו לצוות שלך');
    expect(mails[0]!.body.html).toContain('dir="rtl"');
    expect(mails[0]!.body.text).toContain('Friday Report');
    expect(mails[0]!.body.text).toContain('Saturday Report');

    await release(at('2027-01-10T08:00:00Z'));
    expect(await inbox(company.email('dana.manager'))).toHaveLength(1);
    expect(american.id).toBeDefined();
  });
});

describe('exactly once', () => {
  it('sends nothing twice for a repeated stream record, before or after the email went out', async () => {
    const company = await notifyingCompany();
    const boss = await company.person('repeat.boss', NEW_YORK);
    const report = await company.person('repeat.report', {}, 'repeat.boss');
    const insert = await insertRecordOf(company.tenantId, report.id);

    await processAt(THURSDAY, [insert, insert]);
    await processAt(seconds(THURSDAY, 5), [insert]);
    expect((await findDigest(company.tenantId, boss.id))?.memberIds).toEqual([report.id]);
    await release(seconds(THURSDAY, 120));
    await processAt(seconds(THURSDAY, 130), [insert]);
    await release(seconds(THURSDAY, 300));

    const mails = await inbox(company.email('repeat.boss'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text!.match(/Repeat Report/g)).toHaveLength(1);
  });

  it('does not notify again when a member is deactivated and reactivated, and tolerates records out of order', async () => {
    const company = await notifyingCompany();
    await company.person('order.boss', NEW_YORK);
    const report = await company.person('order.report', {}, 'order.boss');
    const insert = await insertRecordOf(company.tenantId, report.id);
    const active = await memberImage(company.tenantId, report.id);
    await setTeamMemberActive(company.tenantId, report.id, { active: false, updatedAt: THURSDAY.toISOString(), updatedBy: 'test' });
    const inactive = await memberImage(company.tenantId, report.id);
    await setTeamMemberActive(company.tenantId, report.id, { active: true, updatedAt: THURSDAY.toISOString(), updatedBy: 'test' });
    const reactivated = await memberImage(company.tenantId, report.id);

    // The reactivation arrives before the INSERT (a retried batch): one notification either way.
    await processAt(THURSDAY, [streamRecord(reactivated, inactive), streamRecord(inactive, active), insert]);
    await release(seconds(THURSDAY, 120));
    await processAt(seconds(THURSDAY, 200), [streamRecord(inactive, active), streamRecord(reactivated, inactive)]);
    await release(seconds(THURSDAY, 400));
    expect(await inbox(company.email('order.boss'))).toHaveLength(1);
  });

  it('notifies for a member created inactive (staged) when first activated, and not on later reactivations', async () => {
    const company = await notifyingCompany();
    await company.person('staged.boss', NEW_YORK);
    const report = await company.person('staged.report', { active: false }, 'staged.boss');
    const staged = await memberImage(company.tenantId, report.id);
    await processAt(THURSDAY, [streamRecord(staged)]);
    await release(seconds(THURSDAY, 120));
    expect(await inbox(company.email('staged.boss'))).toEqual([]);
    expect(await getImportRecord(company.tenantId, report.id)).toBeUndefined();

    await setTeamMemberActive(company.tenantId, report.id, { active: true, updatedAt: THURSDAY.toISOString(), updatedBy: 'test' });
    const activated = await memberImage(company.tenantId, report.id);
    await processAt(seconds(THURSDAY, 200), [streamRecord(activated, staged)]);
    await release(seconds(THURSDAY, 300));
    expect(await inbox(company.email('staged.boss'))).toHaveLength(1);

    await setTeamMemberActive(company.tenantId, report.id, { active: false, updatedAt: THURSDAY.toISOString(), updatedBy: 'test' });
    const deactivated = await memberImage(company.tenantId, report.id);
    await setTeamMemberActive(company.tenantId, report.id, { active: true, updatedAt: THURSDAY.toISOString(), updatedBy: 'test' });
    await processAt(seconds(THURSDAY, 400), [streamRecord(await memberImage(company.tenantId, report.id), deactivated)]);
    await release(seconds(THURSDAY, 600));
    expect(await inbox(company.email('staged.boss'))).toHaveLength(1);
  });
});

describe('a manager linked after the report was imported', () => {
  it('is told about a report imported in the last 7 days, through the late-link stream record', async () => {
    const company = await notifyingCompany();
    const report = await company.person('early.report', {}, 'late.boss');
    const unlinked = await memberImage(company.tenantId, report.id);
    const now = new Date();
    await processAt(now, [streamRecord(unlinked)]);
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({ importedAt: now.toISOString() });
    expect((await getImportRecord(company.tenantId, report.id))?.queuedAt).toBeUndefined();

    const boss = await company.person('late.boss', NEW_YORK);
    await processAt(now, [await insertRecordOf(company.tenantId, boss.id)]); // links the waiting report
    const linked = await memberImage(company.tenantId, report.id);
    expect(linked.managerId).toEqual({ S: boss.id });
    await processAt(now, [streamRecord(linked, unlinked)]);
    await release(seconds(now, 120));
    expect((await inbox(company.email('late.boss'))).map((mail) => mail.subject)).toEqual(['New team member: Early Report']);
  });

  it('is not told about a report imported more than 7 days before the link', async () => {
    const company = await notifyingCompany();
    const report = await company.person('old.report', {}, 'older.boss');
    const unlinked = await memberImage(company.tenantId, report.id);
    const boss = await company.person('older.boss', NEW_YORK);
    const eightDaysLater = seconds(new Date(report.createdAt), 8 * 24 * 3600);
    await processAt(eightDaysLater, [await insertRecordOf(company.tenantId, boss.id)]);
    await processAt(eightDaysLater, [streamRecord(await memberImage(company.tenantId, report.id), unlinked)]);
    expect(await findDigest(company.tenantId, boss.id)).toBeUndefined();
  });
});

describe('nobody else is notified', () => {
  it('sends nothing for a report of an unrecorded team (nobody on the team has data capture)', async () => {
    const company = await notifyingCompany({ recorded: false });
    const boss = await company.person('quiet.boss', NEW_YORK);
    const report = await company.person('quiet.report', {}, 'quiet.boss');
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, report.id)]);
    expect(await release(seconds(THURSDAY, 120))).toMatchObject({ sent: 0, skipped: 1 });
    expect(await inbox(company.email('quiet.boss'))).toEqual([]);
    expect(await findDigest(company.tenantId, boss.id)).toBeUndefined();
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({ outcome: 'teamNotRecorded' });
  });

  it('sends nothing when the company setting is off, at import or by the time the digest is due', async () => {
    const company = await notifyingCompany({ notify: false });
    const boss = await company.person('off.boss', NEW_YORK);
    const report = await company.person('off.report', {}, 'off.boss');
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, report.id)]);
    expect(await findDigest(company.tenantId, boss.id)).toBeUndefined();
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({ importedAt: THURSDAY.toISOString() });

    await company.setting({ notifyManagersOnImport: true });
    const next = await company.person('next.report', {}, 'off.boss');
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, next.id)]);
    await company.setting({ notifyManagersOnImport: false });
    expect(await release(seconds(THURSDAY, 120))).toMatchObject({ sent: 0, skipped: 1 });
    expect(await inbox(company.email('off.boss'))).toEqual([]);
    expect(await getImportRecord(company.tenantId, next.id)).toMatchObject({ outcome: 'settingOff' });
  });

  it('sends nothing to an inactive manager', async () => {
    const company = await notifyingCompany();
    const away = await company.person('away.boss', { ...NEW_YORK, active: false });
    const report = await company.person('away.report', {}, 'away.boss');
    expect(report.managerId).toBe(away.id);
    await processAt(THURSDAY, [await insertRecordOf(company.tenantId, report.id)]);
    expect(await release(seconds(THURSDAY, 120))).toMatchObject({ sent: 0, skipped: 1 });
    expect(await inbox(company.email('away.boss'))).toEqual([]);
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({ outcome: 'managerInactive' });
  });
});
