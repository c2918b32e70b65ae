import '../../../support/environment.js';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handler as teamMemberChanges } from '../../../../functions/team-member-changes/handler.js';
import { createSesMailer } from '../../../../shared/mail/ses-mailer.js';
import { releaseDueNotifications } from '../../../../shared/people/notifications/release-notifications.js';
import { claimDigest, findDigest } from '../../../../shared/store/manager-digests.js';
import { injectDynamoFault } from '../../../support/dynamo-faults.js';
import { startFlakySes } from '../../../support/flaky-ses.js';
import { notifyingCompany, processAt } from '../../../support/notifying-company.js';
import { emailsTo } from '../../../support/ses-inbox.js';
import { insertRecordOf } from '../../../support/stream-records.js';

const sesUrl = inject('sesUrl');
const THURSDAY = new Date('2027-01-14T15:00:00Z');
const later = (seconds: number) => new Date(THURSDAY.getTime() + seconds * 1000);
const NEW_YORK = { locale: 'en-US', timezone: 'America/New_York' };
let flaky: Awaited<ReturnType<typeof startFlakySes>>;
const internalError = () => Object.assign(new Error('injected DynamoDB failure'), { name: 'InternalServerError' });

beforeAll(async () => {
  flaky = await startFlakySes(sesUrl, 'down');
});
afterAll(async () => {
  await flaky?.stop();
});

const queuedReport = async (manager: string) => {
  const company = await notifyingCompany();
  const boss = await company.person(manager, NEW_YORK);
  const report = await company.person(`${manager}.report`, {}, manager);
  await processAt(THURSDAY, [await insertRecordOf(company.tenantId, report.id)]);
  return { company, boss, report, inbox: () => emailsTo(sesUrl, company.email(manager)) };
};

describe('SES failing', () => {
  it('retries, keeps the digest queued while SES keeps failing, and sends it once — no duplicate — when SES heals', async () => {
    const { company, boss, inbox } = await queuedReport('patient.boss');
    const mailer = createSesMailer({ endpoint: flaky.url, sdkMaxAttempts: 2, retryDelaysMs: [10] });
    flaky.set('down');
    flaky.resetCount();

    expect(await releaseDueNotifications({ now: later(120), mailer })).toMatchObject({ sent: 0, failed: 1 });
    expect(flaky.requests).toBe(2 * 2); // the SDK's two attempts, twice
    expect(await findDigest(company.tenantId, boss.id)).toMatchObject({ failures: 1 });
    expect((await findDigest(company.tenantId, boss.id))?.claimId).toBeUndefined();

    expect(await releaseDueNotifications({ now: later(180), mailer })).toMatchObject({ failed: 1 });
    expect(await findDigest(company.tenantId, boss.id)).toMatchObject({ failures: 2 });
    expect(await inbox()).toEqual([]);

    flaky.set('healthy');
    expect(await releaseDueNotifications({ now: later(240), mailer })).toMatchObject({ sent: 1, failed: 0 });
    expect(await releaseDueNotifications({ now: later(300), mailer })).toMatchObject({ sent: 0 });
    expect(await inbox()).toHaveLength(1);
    expect(await findDigest(company.tenantId, boss.id)).toBeUndefined();
  });

  it('lets only one of two concurrent releases send a digest', async () => {
    const { inbox } = await queuedReport('raced.boss');
    const reports = await Promise.all([releaseDueNotifications({ now: later(120) }), releaseDueNotifications({ now: later(120) })]);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(1);
    expect(await inbox()).toHaveLength(1);
  });

  it('takes over a digest whose sender died only once its claim is stale (5 minutes)', async () => {
    const { company, boss, inbox } = await queuedReport('orphan.boss');
    const digest = (await findDigest(company.tenantId, boss.id))!;
    expect(await claimDigest(digest, 'died', later(120), later(0))).toBeDefined();
    expect(await releaseDueNotifications({ now: later(240) })).toMatchObject({ sent: 0, busy: 1 });
    expect(await releaseDueNotifications({ now: later(121 + 300) })).toMatchObject({ sent: 1 });
    expect(await inbox()).toHaveLength(1);
  });
});

describe('recording a sent digest failing', () => {
  let failuresLeft = 0;
  let remove: () => void;
  beforeAll(() => {
    remove = injectDynamoFault((operation, input) => {
      if (failuresLeft <= 0 || operation !== 'UpdateItem' || !JSON.stringify(input).includes('DELETE memberIds')) return undefined;
      failuresLeft -= 1;
      return internalError();
    });
  });
  afterAll(() => remove());

  it('never gives the digest back once SES accepted it: only a stale claim (the sender died) is taken over', async () => {
    const { company, boss, inbox } = await queuedReport('unlucky.boss');
    failuresLeft = 3;
    expect(await releaseDueNotifications({ now: later(120) })).toMatchObject({ sent: 1 });
    expect(await findDigest(company.tenantId, boss.id)).toMatchObject({ claimId: expect.any(String) });
    expect(await releaseDueNotifications({ now: later(240) })).toMatchObject({ sent: 0, busy: 1 });
    expect(await inbox()).toHaveLength(1);
    // The documented at-least-once window: a claim older than 5 minutes is taken over and sent again.
    expect(await releaseDueNotifications({ now: later(121 + 300) })).toMatchObject({ sent: 1 });
    expect(await inbox()).toHaveLength(2);
  });
});

describe('a stream record that keeps failing', () => {
  // An outage of DynamoDB for the writes of one member only: the rest of the table works.
  const failing = new Set<string>();
  let remove: () => void;
  beforeAll(() => {
    remove = injectDynamoFault((operation, input) =>
      operation === 'TransactWriteItems' && [...failing].some((id) => JSON.stringify(input).includes(`#IMPORT#${id}`)) ? internalError() : undefined,
    );
  });
  afterAll(() => remove());

  it('is reported as the batch item failure, the others are processed on the retries, and nothing is queued twice', async () => {
    const company = await notifyingCompany();
    const boss = await company.person('batch.boss', NEW_YORK);
    const [first, poison, last] = [
      await company.person('first.member', {}, 'batch.boss'),
      await company.person('poison.member', {}, 'batch.boss'),
      await company.person('last.member', {}, 'batch.boss'),
    ];
    const records = await Promise.all([first, poison, last].map((member) => insertRecordOf(company.tenantId, member.id)));
    const invoke = (event: DynamoDBStreamEvent) => teamMemberChanges(event) as Promise<DynamoDBBatchResponse>;
    failing.add(poison.id);

    // Lambda: the first failure is the checkpoint; the batch is retried from it, then bisected.
    expect(await invoke({ Records: records })).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }] });
    expect(await invoke({ Records: records.slice(1) })).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }] });
    expect(await invoke({ Records: [records[1]!] })).toMatchObject({ batchItemFailures: [{}] }); // → dead-letter queue
    expect(await invoke({ Records: [records[2]!] })).toEqual({ batchItemFailures: [] });
    expect((await findDigest(company.tenantId, boss.id))?.memberIds).toEqual([first.id, last.id].sort());

    // Replayed from the dead-letter queue once DynamoDB is well again, with the whole batch once more.
    failing.clear();
    expect(await invoke({ Records: records })).toEqual({ batchItemFailures: [] });
    expect((await findDigest(company.tenantId, boss.id))?.memberIds).toEqual([first.id, poison.id, last.id].sort());
    await releaseDueNotifications({ now: new Date(Date.now() + 120_000) });
    const mails = await emailsTo(sesUrl, company.email('batch.boss'));
    expect(mails.map((mail) => mail.subject)).toEqual(['3 new members joined your team']);
  });
});
