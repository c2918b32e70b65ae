import '../../support/environment.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../../infra/local/ensure-table.js';
import { resetConfigForTests } from '../../../shared/config.js';
import { resetDocumentClientForTests } from '../../../shared/store/client.js';
import { startDynamoProxy } from '../../support/dynamo-proxy.js';
import { freePort } from '../../support/free-port.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient, type ScimResponse } from '../../support/scim-client.js';
import { consistencyProblems } from '../../support/table-consistency.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

/**
 * DynamoDB unreachable in the middle of requests: Roster talks to a DynamoDB Local of this file's
 * own (data on disk, so it can be killed and restarted) through a proxy that can also cut single
 * requests. Whatever is cut, Okta gets a clean 503 with Retry-After, and once DynamoDB is back the
 * store is consistent and each user can be created exactly once.
 */
const TABLE = 'roster-outage';
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let dataDir: string;
let dynamo: RunningDynamoDb;
let proxy: Awaited<ReturnType<typeof startDynamoProxy>>;
let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let scim: ScimClient;
let sequence = 0;

const startDynamo = async () => {
  const running = await startDynamoDbLocal({ port: await freePort(), dataDir });
  await ensureTable(running.endpoint, TABLE);
  return running;
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'roster-outage-'));
  dynamo = await startDynamo();
  proxy = await startDynamoProxy(dynamo.endpoint);
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  process.env.TABLE_NAME = TABLE;
  resetConfigForTests();
  resetDocumentClientForTests();
  api = await startTestApi();
  tenant = await createTestTenant('outage.example', 'Outage Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
}, 300_000);
afterAll(async () => {
  await api?.stop();
  await proxy?.stop();
  await dynamo?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const nextUser = () => oktaUser(`outage.user${(sequence += 1)}@outage.example`);
const countNamed = async (userName: string) => (await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body.totalResults;

function expectUnavailable(response: ScimResponse) {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '503', detail: expect.any(String) });
  expect(response.text).not.toMatch(/ECONN|socket|127\.0\.0\.1|at .*:\d+/);
}

/** Once DynamoDB answers again: a create succeeds if the cut one never landed, or finds it; either way one user. */
async function expectCreatedExactlyOnce(body: ReturnType<typeof oktaUser>) {
  const again = await scim.post('/Users', body);
  expect([201, 409]).toContain(again.status);
  expect((await scim.post('/Users', body)).status).toBe(409);
  expect(await countNamed(body.userName)).toBe(1);
}

describe('DynamoDB unreachable mid-request', () => {
  it('answers 503 when the connection drops before the write reaches DynamoDB, and wrote nothing', async () => {
    const body = nextUser();
    proxy.rule((operation) => (operation === 'TransactWriteItems' ? 'drop' : 'forward'));
    expectUnavailable(await scim.post('/Users', body));
    proxy.rule(() => 'forward');
    expect(await countNamed(body.userName)).toBe(0);
    expect((await scim.post('/Users', body)).status).toBe(201);
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
  });

  it('never doubles a create whose answer was lost after DynamoDB wrote it', async () => {
    const body = nextUser();
    let lost = false;
    proxy.rule((operation) => {
      if (operation !== 'TransactWriteItems' || lost) return 'forward';
      lost = true;
      return 'dropAnswer';
    });
    const response = await scim.post('/Users', body);
    proxy.rule(() => 'forward');
    // The SDK retries the transaction with the ClientRequestToken of the first attempt, so
    // DynamoDB recognises the retry (idempotent for 10 minutes) instead of refusing the taken name.
    expect(response.status).toBe(201);
    expect(await countNamed(body.userName)).toBe(1);
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
  });

  it('answers 503 (never 500) to requests in flight when DynamoDB Local is killed, and nothing is corrupted after its restart', async () => {
    const bodies = Array.from({ length: 20 }, nextUser);
    let writes = 0;
    let killed: Promise<void> | undefined;
    proxy.rule((operation) => {
      if (operation === 'TransactWriteItems' && (writes += 1) === 5) killed = dynamo.stop();
      return 'forward';
    });
    const responses = await Promise.all(bodies.map((body) => scim.post('/Users', body)));
    await killed;
    for (const response of responses) {
      expect([201, 503], response.text).toContain(response.status);
      if (response.status === 503) expectUnavailable(response);
    }
    expect(responses.filter((response) => response.status === 503).length).toBeGreaterThan(0);
    expectUnavailable(await scim.post('/Users', nextUser()));

    dynamo = await startDynamo();
    proxy.retarget(dynamo.endpoint);
    proxy.dropConnections();
    proxy.rule(() => 'forward');
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
    for (const body of bodies) await expectCreatedExactlyOnce(body);
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
  }, 300_000);
});
