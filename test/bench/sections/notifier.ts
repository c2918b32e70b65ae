import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { loadHandler } from '../../../infra/local/function-modules.js';
import { lambdaContext } from '../../../infra/local/lambda-context.js';
import { sesMailer, type Mailer } from '../../../shared/mail/ses-mailer.js';
import { releaseDueNotifications } from '../../../shared/people/notifications/release-notifications.js';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { notifyingCompany } from '../../support/notifying-company.js';
import { emailsTo } from '../../support/ses-inbox.js';
import { insertRecordOf } from '../../support/stream-records.js';
import type { BenchContext } from '../bench-context.js';
import { commandSummary } from '../command-summary.js';
import { inParallel } from '../parallel.js';
import { progress, say } from '../progress.js';
import { count, table, type Section } from '../report.js';
import { timed } from '../stats.js';

const MANAGERS = 50;
const IMPORTS = 1_000;
/** The event source mapping's batch size (infra/constructs/notifier.ts). */
const BATCH = 100;
const IMPORT_CONCURRENCY = 8;
/** Far enough ahead that every digest is due, weekends and debounce included. */
const RELEASE_AFTER_MS = 8 * 24 * 60 * 60 * 1000;

type Company = Awaited<ReturnType<typeof notifyingCompany>>;
const managerName = (index: number) => `bench.manager${index}`;

/** Imports people through the domain call SCIM POST /Users makes; returns their ids in order. */
async function importPeople(company: Company, label: string, total: number, person: (index: number) => Parameters<Company['person']>): Promise<string[]> {
  const ids: string[] = new Array(total);
  const shown = progress(label, total);
  await inParallel(total, IMPORT_CONCURRENCY, async (index) => {
    ids[index] = (await company.person(...person(index))).id;
    shown.add(1);
  });
  shown.finish();
  return ids;
}

/** Feeds the records to the team-member-changes handler in batches, as the event source mapping does for one shard. */
async function processStream(records: DynamoDBRecord[]): Promise<number> {
  const handler = await loadHandler('team-member-changes');
  const shown = progress('team-member-changes on the stream records', records.length);
  const elapsed = await timed(async () => {
    for (let offset = 0; offset < records.length; offset += BATCH) {
      const batch = records.slice(offset, offset + BATCH);
      const result = (await handler({ Records: batch }, lambdaContext('team-member-changes', 60_000))) as DynamoDBBatchResponse;
      if (result.batchItemFailures.length) throw new Error(`team-member-changes failed at record ${result.batchItemFailures[0]!.itemIdentifier}`);
      shown.add(batch.length);
    }
  });
  shown.finish();
  return elapsed;
}

export async function measureNotifier({ sesUrl }: BenchContext): Promise<Section> {
  const company = await notifyingCompany();
  const managers = await importPeople(company, `importing ${MANAGERS} managers`, MANAGERS, (index) => [managerName(index)]);
  const reports = await importPeople(company, `importing ${count(IMPORTS)} new reports`, IMPORTS, (index) => [`bench.report${index}`, {}, managerName(index % MANAGERS)]);
  const records: DynamoDBRecord[] = new Array(MANAGERS + IMPORTS);
  const ids = [...managers, ...reports];
  await inParallel(ids.length, IMPORT_CONCURRENCY, async (index) => {
    records[index] = await insertRecordOf(company.tenantId, ids[index]!);
  });

  let elapsed = 0;
  const { operations } = await countDynamoRequests(async () => (elapsed = await processStream(records)));
  let sesCalls = 0;
  const mailer: Mailer = { send: (mail) => ((sesCalls += 1), sesMailer().send(mail)) };
  const release = await releaseDueNotifications({ now: new Date(Date.now() + RELEASE_AFTER_MS), mailer });
  const perManager = await Promise.all(Array.from({ length: MANAGERS }, async (_, index) => (await emailsTo(sesUrl, company.email(managerName(index)))).length));
  const recordsPerSecond = records.length / (elapsed / 1000);
  say(`  ${records.length} stream records in ${(elapsed / 1000).toFixed(1)} s; ${sesCalls} SES calls; digests sent ${release.sent}, skipped ${release.skipped}, failed ${release.failed}`);

  const met = sesCalls === MANAGERS && release.sent === MANAGERS && perManager.every((emails) => emails === 1);
  return {
    title: 'Notifier',
    target: `${count(IMPORTS)} imports for ${MANAGERS} managers: one SES call, one email, per manager`,
    met,
    body: [
      `A company that notifies managers (test/support/notifying-company.ts) imports ${MANAGERS} managers, then ${count(IMPORTS)} new reports, ${IMPORTS / MANAGERS} per manager, through the domain call SCIM POST /Users makes. Their INSERT stream records (as Lambda delivers them, built from the stored items) go to the team-member-changes handler in batches of ${BATCH}, one after another as for one stream shard; then the digests are released (the release-notifications domain call, its clock set past every digest’s due time) through the SES emulator.`,
      table(
        ['figure', 'count'],
        [
          ['stream records processed (managers’ and reports’ INSERTs)', count(records.length)],
          [`stream records per second (one shard, batches of ${BATCH})`, count(Math.round(recordsPerSecond))],
          ['DynamoDB requests per stream record', (operations.length / records.length).toFixed(1)],
          ['DynamoDB requests for all the records', commandSummary(operations)],
          [`SES calls made for ${MANAGERS} managers`, `${count(sesCalls)} ${sesCalls === MANAGERS ? '✅' : '❌'}`],
          ['emails per manager in the SES emulator (fewest–most)', `${Math.min(...perManager)}–${Math.max(...perManager)}`],
          ['digests sent / skipped / failed / busy', `${release.sent} / ${release.skipped} / ${release.failed} / ${release.busy}`],
        ],
      ),
    ],
  };
}
