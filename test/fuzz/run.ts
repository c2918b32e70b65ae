import '../../infra/local/quiet-sdk-warning.js';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/ensure-table.js';
import { freePort } from '../support/free-port.js';
import { startTestApi } from '../support/http-stack.js';
import { runCampaign } from './campaign.js';
import { createFuzzFixture } from './fixture.js';
import { formatReport, isClean } from './report.js';

/**
 * `npm run fuzz`: its own in-memory DynamoDB Local on a free port, the HTTP adapter in this
 * process, two fuzz companies, then FUZZ_REQUESTS (default 10,000) generated requests across every
 * route of the route table. Prints the report; exits 1 on any 5xx, wrong answer or damage.
 * FUZZ_SEED replays a run; FUZZ_CONCURRENCY sets the requests in flight (default 8); FUZZ_ROUTE
 * narrows the run to matching route keys; FUZZ_VERBOSE=1 adds each route's statuses to the report.
 */
const requests = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? 8);

const dynamo = await startDynamoDbLocal({ port: await freePort() });
let exitCode = 1;
try {
  await ensureTable(dynamo.endpoint, 'roster-fuzz');
  Object.assign(process.env, {
    TABLE_NAME: 'roster-fuzz',
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: 'us-east-1',
    LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent',
    LOCAL_STACK: 'true',
    OAUTH_ALLOW_LOOPBACK_REDIRECTS: 'true',
  });
  const api = await startTestApi();
  try {
    const fixture = await createFuzzFixture(api.baseUrl);
    process.stderr.write(`fuzzing ${api.baseUrl} with ${requests} requests, seed ${seed}\n`);
    const report = await runCampaign({
      baseUrl: api.baseUrl,
      fixture,
      requests,
      seed,
      concurrency,
      only: process.env.FUZZ_ROUTE,
      onProgress: (sent) => {
        if (sent % 1_000 === 0) process.stderr.write(`  ${sent} sent\n`);
      },
    });
    process.stdout.write(`${formatReport(report, process.env.FUZZ_VERBOSE === '1')}\n`);
    exitCode = isClean(report) ? 0 : 1;
  } finally {
    await api.stop();
  }
} finally {
  await dynamo.stop();
}
process.exit(exitCode);
