import '../../support/environment.js';
import { createSocket, type Socket } from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, resetConfigForTests } from '../../../shared/config.js';
import { releaseDueNotifications } from '../../../shared/people/notifications/release-notifications.js';
import { countDynamoRequests, resetDocumentClientForTests } from '../../../shared/store/client.js';
import { findDigest } from '../../../shared/store/manager-digests.js';
import { startDynamoProxy } from '../../support/dynamo-proxy.js';
import { eventually } from '../../support/eventually.js';
import { startTestApi } from '../../support/http-stack.js';
import { notifyingCompany, processAt } from '../../support/notifying-company.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { insertRecordOf } from '../../support/stream-records.js';
import { workerDatabase } from '../../support/worker-database.js';

/**
 * X-Ray subsegments of the AWS SDK calls (shared/tracing.ts): a UDP socket stands in for the X-Ray
 * daemon Lambda runs (AWS_XRAY_DAEMON_ADDRESS), the invocation's trace header is set as the Lambda
 * runtime sets it (_X_AMZN_TRACE_ID), and a proxy in front of DynamoDB Local shows the header the
 * calls carry.
 */
interface Subsegment {
  id: string;
  trace_id: string;
  parent_id: string;
  type: string;
  name: string;
  namespace: string;
  start_time: number;
  end_time: number;
  aws: { operation: string; region: string; retries: number; request_id?: string; table_name?: string };
  http?: { response: { status: number } };
  error?: boolean;
  fault?: boolean;
  throttle?: boolean;
  cause?: { exceptions: Array<Record<string, unknown>> };
}

const PARENT = '53995c3f42cd8ad8';
const EMAIL = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
let traces = 0;
/** A fresh trace root, as X-Ray writes it: 1-<8 hex digits of time>-<24 hex digits>. */
const newRoot = () => `1-5759e988-${String((traces += 1)).padStart(24, '0')}`;

let daemon: Socket;
const datagrams: string[] = [];
let proxy: Awaited<ReturnType<typeof startDynamoProxy>>;
let api: Awaited<ReturnType<typeof startTestApi>>;

beforeAll(async () => {
  daemon = createSocket('udp4').on('message', (message) => datagrams.push(message.toString('utf8')));
  await new Promise<void>((done) => daemon.bind(0, '127.0.0.1', done));
  proxy = await startDynamoProxy(workerDatabase().endpoint);
  process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
  process.env.AWS_XRAY_DAEMON_ADDRESS = `127.0.0.1:${daemon.address().port}`;
  resetConfigForTests();
  resetDocumentClientForTests();
  api = await startTestApi();
});
afterAll(async () => {
  process.env.DYNAMODB_ENDPOINT = workerDatabase().endpoint;
  delete process.env.AWS_XRAY_DAEMON_ADDRESS;
  resetConfigForTests();
  resetDocumentClientForTests();
  await api?.stop();
  await proxy?.stop();
  daemon?.close();
});

/** Runs `run` as an invocation of trace `root` (sampled or not), as the Lambda runtime sets it. */
async function inTrace<T>(root: string, sampled: boolean, run: () => Promise<T>): Promise<T> {
  process.env._X_AMZN_TRACE_ID = `Root=${root};Parent=${PARENT};Sampled=${sampled ? 1 : 0}`;
  try {
    return await run();
  } finally {
    delete process.env._X_AMZN_TRACE_ID;
  }
}

/** The subsegments of trace `root` the daemon received, once there are `count` of them. */
async function subsegmentsOf(root: string, count: number): Promise<Subsegment[]> {
  return eventually(async () => {
    const documents = datagrams.map((datagram) => {
      const [header, document] = datagram.split('\n');
      expect(JSON.parse(header!)).toEqual({ format: 'json', version: 1 });
      return JSON.parse(document!) as Subsegment;
    });
    const ofTrace = documents.filter((document) => document.trace_id === root);
    expect(ofTrace).toHaveLength(count);
    return ofTrace;
  });
}

const operationsOf = (subsegments: Subsegment[]) => subsegments.map((subsegment) => subsegment.aws.operation).sort();

describe('X-Ray subsegments', () => {
  it('record each DynamoDB call of a sampled invocation under its trace, and the call carries the trace header', async () => {
    const company = await notifyingCompany();
    const scim = scimClient(`${api.baseUrl}/scim/v2`, company.tenant.scimToken);
    const root = newRoot();
    const seenBefore = proxy.seen.length;
    const { result: created, operations } = await countDynamoRequests(() => inTrace(root, true, () => scim.post('/Users', oktaUser(company.email('traced')))));
    expect(created.status).toBe(201);

    const subsegments = await subsegmentsOf(root, operations.length);
    expect(operationsOf(subsegments)).toEqual(operations.map((operation) => operation.replace(/Command$/, '')).sort());
    for (const subsegment of subsegments) {
      expect(subsegment).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        parent_id: PARENT,
        type: 'subsegment',
        name: 'DynamoDB',
        namespace: 'aws',
        aws: { region: config().AWS_REGION, retries: 0, request_id: expect.any(String) },
        http: { response: { status: 200 } },
      });
      expect(subsegment.end_time).toBeGreaterThanOrEqual(subsegment.start_time);
      expect(subsegment).not.toHaveProperty('error');
      expect(subsegment).not.toHaveProperty('fault');
    }
    expect(subsegments.filter((subsegment) => subsegment.aws.operation === 'GetItem').map((subsegment) => subsegment.aws.table_name)).toContain(config().TABLE_NAME);
    const headers = proxy.traceHeaders.slice(seenBefore);
    expect(headers.sort()).toEqual(subsegments.map((subsegment) => `Root=${root};Parent=${subsegment.id};Sampled=1`).sort());
  });

  it('mark a refused call as an error whose cause is the error type only', async () => {
    const company = await notifyingCompany();
    const scim = scimClient(`${api.baseUrl}/scim/v2`, company.tenant.scimToken);
    expect((await scim.post('/Users', oktaUser(company.email('twice')))).status).toBe(201);
    const root = newRoot();
    const { result: again, count } = await countDynamoRequests(() => inTrace(root, true, () => scim.post('/Users', oktaUser(company.email('twice')))));
    expect(again.status).toBe(409);

    const refused = (await subsegmentsOf(root, count)).filter((subsegment) => subsegment.error);
    expect(refused.length).toBeGreaterThan(0);
    for (const subsegment of refused) {
      expect(subsegment).toMatchObject({ http: { response: { status: 400 } }, cause: { exceptions: [{ type: expect.stringMatching(/Exception$/), remote: true }] } });
      expect(subsegment).not.toHaveProperty('fault');
      expect(subsegment.cause!.exceptions[0]).not.toHaveProperty('message');
    }
  });

  it('record the SES call that emails a digest, with no address in it', async () => {
    const company = await notifyingCompany();
    const boss = await company.person('trace.boss', { locale: 'en-US', timezone: 'America/New_York' });
    const report = await company.person('trace.report', {}, 'trace.boss');
    await processAt(new Date(), [await insertRecordOf(company.tenantId, boss.id), await insertRecordOf(company.tenantId, report.id)]);
    const digest = await findDigest(company.tenantId, boss.id);
    const root = newRoot();
    const { result: released, count } = await countDynamoRequests(() => inTrace(root, true, () => releaseDueNotifications({ now: new Date(digest!.dueAt) })));
    expect(released.sent).toBeGreaterThanOrEqual(1);

    const subsegments = await subsegmentsOf(root, count + released.sent);
    const mail = subsegments.filter((subsegment) => subsegment.name === 'SES');
    expect(mail).toHaveLength(released.sent);
    for (const subsegment of mail) expect(subsegment).toMatchObject({ namespace: 'aws', parent_id: PARENT, aws: { operation: 'SendEmail' }, http: { response: { status: 200 } } });
    expect(JSON.stringify(subsegments)).not.toMatch(EMAIL);
  });

  it('mark a throttled call as a throttled error, and one that never got an answer as a fault', async () => {
    const scim = scimClient(`${api.baseUrl}/scim/v2`, (await notifyingCompany()).tenant.scimToken);
    // Roster answers a throttled request 429, one DynamoDB did not answer 503.
    const failedCalls = async (action: 'throttle' | 'drop', status: number) => {
      const root = newRoot();
      proxy.rule((operation) => (operation === 'GetItem' ? action : 'forward'));
      try {
        const { result, count } = await countDynamoRequests(() => inTrace(root, true, () => scim.get('/Users')));
        expect(result.status).toBe(status);
        return (await subsegmentsOf(root, count)).filter((subsegment) => subsegment.aws.operation === 'GetItem');
      } finally {
        proxy.rule(() => 'forward');
      }
    };

    const [throttled] = await failedCalls('throttle', 429);
    expect(throttled).toMatchObject({ error: true, throttle: true, http: { response: { status: 400 } }, cause: { exceptions: [{ type: 'ThrottlingException' }] } });
    expect(throttled).not.toHaveProperty('fault');
    // One subsegment for the call, its retries (the SDK's) counted in it.
    expect(throttled!.aws.retries).toBeGreaterThan(0);
    const [unanswered] = await failedCalls('drop', 503);
    expect(unanswered).toMatchObject({ fault: true });
    expect(unanswered!.aws.retries).toBeGreaterThan(0);
    expect(unanswered).not.toHaveProperty('error');
    expect(unanswered).not.toHaveProperty('http');
  });

  it('send nothing for an invocation whose trace is not sampled', async () => {
    const scim = scimClient(`${api.baseUrl}/scim/v2`, (await notifyingCompany()).tenant.scimToken);
    const unsampled = newRoot();
    const sampled = newRoot();
    const seenBefore = proxy.seen.length;
    await inTrace(unsampled, false, () => scim.get('/Users'));
    const unsampledCalls = proxy.seen.length - seenBefore;
    const { count } = await countDynamoRequests(() => inTrace(sampled, true, () => scim.get('/Users')));

    // The daemon gets datagrams in the order they were sent: once the later, sampled trace's are in, none of the first came.
    await subsegmentsOf(sampled, count);
    expect(unsampledCalls).toBeGreaterThan(0);
    expect(datagrams.filter((datagram) => datagram.includes(unsampled))).toEqual([]);
    expect(proxy.traceHeaders.slice(seenBefore, seenBefore + unsampledCalls)).toEqual(Array(unsampledCalls).fill(undefined));
  });
});
