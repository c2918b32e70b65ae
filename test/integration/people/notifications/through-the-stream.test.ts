import '../../../support/environment.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { releaseDueNotifications } from '../../../../shared/people/notifications/release-notifications.js';
import { getImportRecord } from '../../../../shared/store/import-records.js';
import { findDigest } from '../../../../shared/store/manager-digests.js';
import { getTeamMember, setTeamMemberActive } from '../../../../shared/store/team-members.js';
import { notifyingCompany } from '../../../support/notifying-company.js';
import { emailsTo } from '../../../support/ses-inbox.js';
import type { StreamPoller } from '../../../../infra/local/stream-poller.js';
import { startTestStreamPoller } from '../../../support/stream.js';

/**
 * The same notifications as import-notifications.test.ts, but with no record built by hand: people
 * are written through the domain and the store, DynamoDB Local's stream carries the records, the
 * local event source mapping hands them to the deployed team-member-changes handler (by the real
 * clock), and the digest is released at the due time the handler gave it.
 */
const sesUrl = inject('sesUrl');
const NEW_YORK = { locale: 'en-US', timezone: 'America/New_York' };
let poller: StreamPoller;

beforeAll(() => {
  poller = startTestStreamPoller();
});
afterAll(async () => poller?.stop());

/** The manager's queued digest once the stream has handed every record written so far to the handler. */
async function digestAfterStream(tenantId: string, managerId: string) {
  await poller.drain();
  return findDigest(tenantId, managerId);
}

async function releaseDigestOf(tenantId: string, managerId: string) {
  const digest = await digestAfterStream(tenantId, managerId);
  expect(digest, 'a digest was queued').toBeDefined();
  return releaseDueNotifications({ now: new Date(digest!.dueAt) });
}

describe('manager notifications from the table’s stream', () => {
  it('emails the manager of an imported report once, from the INSERT record the stream delivers', async () => {
    const company = await notifyingCompany();
    const boss = await company.person('stream.boss', NEW_YORK);
    const report = await company.person('stream.report', { title: 'Account Executive' }, 'stream.boss');

    expect((await digestAfterStream(company.tenantId, boss.id))?.memberIds).toEqual([report.id]);
    expect(await releaseDigestOf(company.tenantId, boss.id)).toMatchObject({ failed: 0 });
    const mails = await emailsTo(sesUrl, company.email('stream.boss'));
    expect(mails.map((mail) => mail.subject)).toEqual(['New team member: Stream Report']);
    expect(mails[0]!.body.text).toContain('Title: Account Executive');
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({ managerId: boss.id, outcome: 'sent', messageId: mails[0]!.messageId });
    expect(await emailsTo(sesUrl, company.email('stream.report'))).toEqual([]);
  });

  it('queues nothing again when the told member is deactivated and reactivated', async () => {
    const company = await notifyingCompany();
    const boss = await company.person('again.boss', NEW_YORK);
    const report = await company.person('again.report', {}, 'again.boss');
    await releaseDigestOf(company.tenantId, boss.id);
    expect(await emailsTo(sesUrl, company.email('again.boss'))).toHaveLength(1);

    // Each change has gone through the stream once the seat it moves has moved.
    for (const [active, seats] of [[false, 0], [true, 1]] as const) {
      await setTeamMemberActive(company.tenantId, report.id, { active, updatedAt: new Date().toISOString(), updatedBy: 'test' });
      await poller.drain();
      expect((await getTeamMember(company.tenantId, report.id))?.effective?.seatTypeIds).toHaveLength(seats);
    }
    expect(await findDigest(company.tenantId, boss.id)).toBeUndefined();
    expect(await getImportRecord(company.tenantId, report.id)).toMatchObject({ outcome: 'sent' });
  });

  it('tells a manager imported after the report, through the record of the link the stream itself wrote', async () => {
    const company = await notifyingCompany();
    const report = await company.person('waiting.report', {}, 'later.boss');
    await poller.drain();
    expect(await getImportRecord(company.tenantId, report.id)).not.toHaveProperty('queuedAt');

    // The manager's INSERT links the waiting report; that write's MODIFY record queues the notification.
    const boss = await company.person('later.boss', NEW_YORK);
    expect((await digestAfterStream(company.tenantId, boss.id))?.memberIds).toEqual([report.id]);
    await releaseDigestOf(company.tenantId, boss.id);
    expect((await emailsTo(sesUrl, company.email('later.boss'))).map((mail) => mail.subject)).toEqual(['New team member: Waiting Report']);
  });

  it('queues nothing while the company setting is off', async () => {
    const company = await notifyingCompany({ notify: false });
    const boss = await company.person('silent.boss', NEW_YORK);
    const report = await company.person('silent.report', {}, 'silent.boss');
    expect(await digestAfterStream(company.tenantId, boss.id)).toBeUndefined();
    const record = await getImportRecord(company.tenantId, report.id);
    expect(record?.importedAt).toBeDefined();
    expect(record).not.toHaveProperty('queuedAt');
  });
});
