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
import { commandRates, commandSummary } from '../command-summary.js';
import { processRecordByRecord } from '../notifier-baseline.js';
import { inParallel } from '../parallel.js';
import { progress, say } from '../progress.js';
import { count, ratio, table, type Section } from '../report.js';
import { timed } from '../stats.js';

const MANAGERS = 50;
const IMPORTS = 1_000;
/** The event source mapping's batch size (infra/constructs/notifier.ts). */
const BATCH = 100;
const IMPORT_CONCURRENCY = 8;
/** Far enough ahead that every digest is due, weekends and debounce included. */
const RELEASE_AFTER_MS = 8 * 24 * 60 * 60 * 1000;
/** The targets: requests per record, and records per second against the record-by-record notifier. */
const MOST_REQUESTS_PER_RECORD = 4;
const LEAST_SPEEDUP = 3;

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

/** A notifying company with its managers and reports imported, and their INSERT records (as Lambda delivers them, built from the stored items). */
async function importedCompany(label: string): Promise<{ company: Company; records: DynamoDBRecord[] }> {
  const company = await notifyingCompany();
  const managers = await importPeople(company, `${label}: importing ${MANAGERS} managers`, MANAGERS, (index) => [managerName(index)]);
  const reports = await importPeople(company, `${label}: importing ${count(IMPORTS)} new reports`, IMPORTS, (index) => [`bench.report${index}`, {}, managerName(index % MANAGERS)]);
  const ids = [...managers, ...reports];
  const records: DynamoDBRecord[] = new Array(ids.length);
  await inParallel(ids.length, IMPORT_CONCURRENCY, async (index) => {
    records[index] = await insertRecordOf(company.tenantId, ids[index]!);
  });
  return { company, records };
}

interface Run {
  name: string;
  records: DynamoDBRecord[];
  process: (batch: DynamoDBRecord[]) => Promise<void>;
  elapsedMs: number;
  operations: string[];
}

/**
 * Feeds each run's records to its notifier in batches, as the event source mapping does for one
 * shard; the runs take turns batch by batch (the first one alternating), so load on a shared
 * machine hits both alike. Each batch is timed and its DynamoDB requests counted.
 */
async function processInTurns(runs: Run[]): Promise<void> {
  const batches = Math.max(...runs.map((run) => Math.ceil(run.records.length / BATCH)));
  const shown = progress('the stream records, record by record and batched in turns', runs.reduce((sum, run) => sum + run.records.length, 0));
  for (let index = 0; index < batches; index += 1) {
    for (const run of index % 2 ? [...runs].reverse() : runs) {
      const batch = run.records.slice(index * BATCH, (index + 1) * BATCH);
      if (!batch.length) continue;
      const { operations } = await countDynamoRequests(async () => (run.elapsedMs += await timed(() => run.process(batch))));
      run.operations.push(...operations);
      shown.add(batch.length);
    }
  }
  shown.finish();
}

export async function measureNotifier({ sesUrl }: BenchContext): Promise<Section> {
  const before = await importedCompany('record by record');
  const after = await importedCompany('batched');
  const handler = await loadHandler('team-member-changes');
  const runs: Run[] = [
    { name: 'record by record', records: before.records, process: (batch) => processRecordByRecord(batch), elapsedMs: 0, operations: [] },
    {
      name: 'batched',
      records: after.records,
      async process(batch) {
        const result = (await handler({ Records: batch }, lambdaContext('team-member-changes', 60_000))) as DynamoDBBatchResponse;
        if (result.batchItemFailures.length) throw new Error(`team-member-changes failed at record ${result.batchItemFailures[0]!.itemIdentifier}`);
      },
      elapsedMs: 0,
      operations: [],
    },
  ];
  await processInTurns(runs);

  let sesCalls = 0;
  const mailer: Mailer = { send: (mail) => ((sesCalls += 1), sesMailer().send(mail)) };
  const release = await releaseDueNotifications({ now: new Date(Date.now() + RELEASE_AFTER_MS), mailer });
  const emailsPerManager = (company: Company) =>
    Promise.all(Array.from({ length: MANAGERS }, async (_, index) => (await emailsTo(sesUrl, company.email(managerName(index)))).length));
  const perManager = [await emailsPerManager(before.company), await emailsPerManager(after.company)];

  const [old, batched] = runs.map((run) => ({
    recordsPerSecond: run.records.length / (run.elapsedMs / 1000),
    requestsPerRecord: run.operations.length / run.records.length,
    ...run,
  })) as [Run & { recordsPerSecond: number; requestsPerRecord: number }, Run & { recordsPerSecond: number; requestsPerRecord: number }];
  const speedup = batched.recordsPerSecond / old.recordsPerSecond;
  say(`  ${count(batched.records.length)} records: ${old.recordsPerSecond.toFixed(0)} → ${batched.recordsPerSecond.toFixed(0)} records/s, ${old.requestsPerRecord.toFixed(1)} → ${batched.requestsPerRecord.toFixed(2)} requests per record; ${sesCalls} SES calls; digests sent ${release.sent}, skipped ${release.skipped}, failed ${release.failed}`);

  const mailMet = sesCalls === 2 * MANAGERS && release.sent === 2 * MANAGERS && perManager.flat().every((emails) => emails === 1);
  const requestsMet = batched.requestsPerRecord <= MOST_REQUESTS_PER_RECORD;
  const speedMet = speedup >= LEAST_SPEEDUP;
  return {
    title: 'Notifier',
    target: `${count(IMPORTS)} imports for ${MANAGERS} managers: at most ${MOST_REQUESTS_PER_RECORD} DynamoDB requests per stream record, at least ${LEAST_SPEEDUP}× the records per second of the record-by-record notifier, one SES call and one email per manager`,
    met: mailMet && requestsMet && speedMet,
    body: [
      `Two companies that notify managers (test/support/notifying-company.ts) each import ${MANAGERS} managers, then ${count(IMPORTS)} new reports, ${IMPORTS / MANAGERS} per manager, through the domain call SCIM POST /Users makes. Their INSERT stream records (as Lambda delivers them, built from the stored items) go in batches of ${BATCH}, one after another as for one stream shard: one company's to the team-member-changes handler, the other's to the notifier as it was before it handled a batch at once (test/bench/notifier-baseline.ts: every record on its own, the same domain and store calls), the two taking turns batch by batch. Then the digests are released (the release-notifications domain call, its clock set past every digest’s due time) through the SES emulator.`,
      table(
        ['figure', old.name, batched.name],
        [
          ['stream records processed (managers’ and reports’ INSERTs)', count(old.records.length), count(batched.records.length)],
          [`stream records per second (one shard, batches of ${BATCH})`, count(Math.round(old.recordsPerSecond)), `${count(Math.round(batched.recordsPerSecond))} (${ratio(speedup)}) ${speedMet ? '✅' : '❌'}`],
          ['DynamoDB requests per stream record', old.requestsPerRecord.toFixed(1), `${batched.requestsPerRecord.toFixed(2)} ${requestsMet ? '✅' : '❌'}`],
          ['DynamoDB requests per stream record, by command', commandRates(old.operations, old.records.length), commandRates(batched.operations, batched.records.length)],
          ['DynamoDB requests for all the records', commandSummary(old.operations), commandSummary(batched.operations)],
          ['emails per manager in the SES emulator (fewest–most)', `${Math.min(...perManager[0]!)}–${Math.max(...perManager[0]!)}`, `${Math.min(...perManager[1]!)}–${Math.max(...perManager[1]!)}`],
        ],
      ),
      `SES calls for both companies’ ${2 * MANAGERS} managers: ${count(sesCalls)} ${sesCalls === 2 * MANAGERS ? '✅' : '❌'}; digests sent / skipped / failed / busy: ${release.sent} / ${release.skipped} / ${release.failed} / ${release.busy}.`,
    ],
  };
}
