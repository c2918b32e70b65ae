import '../../../support/environment.js';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { resetConfigForTests } from '../../../../shared/config.js';
import { releaseDueNotifications } from '../../../../shared/people/notifications/release-notifications.js';
import { findDigest } from '../../../../shared/store/manager-digests.js';
import { notifyingCompany, processAt } from '../../../support/notifying-company.js';
import { emailsTo } from '../../../support/ses-inbox.js';
import { insertRecordOf } from '../../../support/stream-records.js';

const sesUrl = inject('sesUrl');
// A Thursday far from every other test's clock, so no other release finds these digests due.
const THURSDAY = new Date('2031-01-09T15:00:00Z');
const later = (seconds: number) => new Date(THURSDAY.getTime() + seconds * 1000);
const NEW_YORK = { locale: 'en-US', timezone: 'America/New_York' };

beforeAll(() => {
  process.env.MAIL_PER_COMPANY_PER_HOUR = '2';
  resetConfigForTests();
});

describe('the hourly email cap of one company', () => {
  it('sends up to the cap, keeps the rest queued, and sends them in the next hour', async () => {
    const company = await notifyingCompany();
    const managers = ['ann.boss', 'bob.boss', 'cat.boss'];
    const records = [];
    const bossIds: string[] = [];
    for (const manager of managers) {
      const boss = await company.person(manager, NEW_YORK);
      bossIds.push(boss.id);
      const report = await company.person(`${manager.split('.')[0]}.report`, NEW_YORK, manager);
      records.push(await insertRecordOf(company.tenantId, boss.id), await insertRecordOf(company.tenantId, report.id));
    }
    await processAt(THURSDAY, records);
    const mailed = async () => (await Promise.all(managers.map(async (manager) => (await emailsTo(sesUrl, company.email(manager))).length))).reduce((a, b) => a + b);

    expect(await releaseDueNotifications({ now: later(120) })).toMatchObject({ sent: 2, held: 1 });
    expect(await mailed()).toBe(2);
    // Within the same hour the held digest stays held: still queued, not dropped.
    expect(await releaseDueNotifications({ now: later(600) })).toMatchObject({ sent: 0, held: 1 });
    const queued = await Promise.all(bossIds.map((id) => findDigest(company.tenantId, id)));
    expect(queued.filter(Boolean)).toHaveLength(1);

    expect(await releaseDueNotifications({ now: later(3_600) })).toMatchObject({ sent: 1, held: 0 });
    expect(await mailed()).toBe(3);
    for (const manager of managers) expect(await emailsTo(sesUrl, company.email(manager))).toHaveLength(1);
  });
});
