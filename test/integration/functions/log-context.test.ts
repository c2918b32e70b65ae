import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandler } from '../../../infra/local/function-modules.js';
import { lambdaContext } from '../../../infra/local/lambda-context.js';
import { resetConfigForTests } from '../../../shared/config.js';
import { adminClient } from '../../support/admin-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { logLinesOf, writtenLinesOf, type LogLine } from '../../support/log-lines.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { insertRecordOf } from '../../support/stream-records.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

/**
 * The context on every log line (shared/log.ts): what the functions write while real requests and
 * a stream batch run, read back as JSON. The level and the debug sampling rate are set here, as a
 * deployment sets them (LOG_LEVEL, LOG_DEBUG_SAMPLE_RATE).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let api: Awaited<ReturnType<typeof startTestApi>>;
let first: TestTenant;
let second: TestTenant;

/** Switches the configuration as a new deployment would (a new logger, from its first line). */
function configure(level: string, sampleRate: number): void {
  process.env.LOG_LEVEL = level;
  process.env.LOG_DEBUG_SAMPLE_RATE = String(sampleRate);
  resetConfigForTests();
}

beforeAll(async () => {
  configure('info', 0);
  api = await startTestApi();
  [first, second] = await Promise.all([createTestTenant('first.example', 'First Co'), createTestTenant('second.example', 'Second Co')]);
});
afterAll(async () => {
  delete process.env.LOG_DEBUG_SAMPLE_RATE;
  await api?.stop();
});

const admin = (tenant: TestTenant) => adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
const scim = (tenant: TestTenant) => scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
/** The lines of each invocation, by Lambda's request id, in the order the invocations first wrote. */
function byInvocation(lines: LogLine[]): LogLine[][] {
  const invocations = new Map<unknown, LogLine[]>();
  for (const line of lines) invocations.set(line.function_request_id, [...(invocations.get(line.function_request_id) ?? []), line]);
  return [...invocations.values()];
}
/** The tenants an invocation's lines name (a line written before authentication names none). */
const tenantsOf = (lines: LogLine[]) => new Set(lines.map((line) => line.tenantId).filter((tenantId) => tenantId !== undefined));

describe('log lines of a request', () => {
  it('carry Lambda’s and API Gateway’s request ids, the function, the cold-start flag and the authenticated tenant', async () => {
    let requestId = '';
    const [line, ...others] = await logLinesOf(async () => {
      const answer = await admin(first).get('/team-members/no-such-member');
      expect(answer.status).toBe(404);
      requestId = answer.body.error.requestId;
    });
    expect(others).toEqual([]);
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'request',
      service: 'roster',
      function_name: 'admin',
      function_request_id: expect.stringMatching(UUID),
      cold_start: true,
      requestId,
      tenantId: first.tenantId,
      connectionId: expect.any(String),
      route: 'GET /admin/v1/team-members/{id}',
      status: 404,
    });
    expect(requestId).toMatch(UUID);
    expect(line!.function_request_id).not.toBe(requestId);
  });

  it('of the next invocation, for another tenant, carry that tenant and nothing of the one before', async () => {
    const lines = await logLinesOf(async () => {
      await admin(second).get('/team-members/no-such-member');
      await scimClient(`${api.baseUrl}/scim/v2`, 'roster_scim_not-a-token').get('/Users');
    });
    expect(lines).toHaveLength(2);
    const [secondTenant, unauthenticated] = lines;
    expect(secondTenant).toMatchObject({ function_name: 'admin', cold_start: false, tenantId: second.tenantId, status: 404 });
    expect(unauthenticated).toMatchObject({ function_name: 'scim-users', cold_start: false, status: 401 });
    expect(unauthenticated).not.toHaveProperty('tenantId');
    expect(unauthenticated).not.toHaveProperty('connectionId');
    expect(JSON.stringify(lines)).not.toContain(first.tenantId);
    expect(new Set(lines.map((line) => line.requestId)).size).toBe(2);
  });

  it('leave out debug lines when the sampling rate is 0', async () => {
    const lines = await logLinesOf(() => scim(first).get('/Users'));
    expect(lines.map((line) => line.level)).toEqual(['INFO']);
    expect(lines[0]).toMatchObject({ sampling_rate: 0 });
  });
});

describe('debug sampling at rate 1', () => {
  beforeAll(async () => {
    configure('info', 1);
    // The new logger's own notice of its first sampling decision is written before any invocation.
    await writtenLinesOf(() => scim(first).get('/Users'));
  });
  afterAll(() => configure('info', 0));

  it('logs every invocation at debug: its DynamoDB calls, under the request’s ids and, once authenticated, its tenant', async () => {
    const lines = await logLinesOf(() => scim(first).get('/Users'));
    const calls = lines.filter((line) => line.message === 'aws call');
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) expect(call).toMatchObject({ level: 'DEBUG', sampling_rate: 1, awsService: 'DynamoDB', operation: expect.any(String), status: 200 });
    // The token is looked up before the tenant is known; the lines after name it.
    expect(calls[0]).not.toHaveProperty('tenantId');
    expect(calls.at(-1)).toMatchObject({ tenantId: first.tenantId });
    expect(lines.at(-1)).toMatchObject({ level: 'INFO', message: 'request', tenantId: first.tenantId });
    expect(new Set(lines.map((line) => line.requestId)).size).toBe(1);
    expect(new Set(lines.map((line) => line.function_request_id)).size).toBe(1);
  });

  it('keeps concurrent requests of two tenants apart: each line names the tenant of its own request', async () => {
    const lines = await logLinesOf(() =>
      Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 ? scim(second).get('/Groups') : scim(first).get('/Users')))),
    );
    const invocations = byInvocation(lines);
    expect(invocations).toHaveLength(6);
    for (const invocation of invocations) {
      const route = invocation.find((line) => line.message === 'request')!.route;
      expect(invocation.length).toBeGreaterThan(2);
      expect(tenantsOf(invocation)).toEqual(new Set([route === 'GET /scim/v2/Users' ? first.tenantId : second.tenantId]));
      expect(new Set(invocation.map((line) => line.requestId)).size).toBe(1);
    }
  });

  it('gives a stream batch the function’s context and each record’s own tenant, reset before the next invocation', async () => {
    const ids: string[] = [];
    await writtenLinesOf(async () => {
      for (const tenant of [first, second]) ids.push((await scim(tenant).post('/Users', oktaUser(`stream.person@${tenant.domain}`))).body.id);
    });
    const [mine, theirs] = ids as [string, string];
    const records = [await insertRecordOf(first.tenantId, mine), await insertRecordOf(second.tenantId, theirs)];
    const changes = await loadHandler('team-member-changes');
    // At debug, every record of a batch has a line of its own (the batch is handled as a whole).
    configure('debug', 0);
    const lines = await logLinesOf(async () => {
      expect(await changes({ Records: records }, lambdaContext('team-member-changes', 60_000))).toEqual({ batchItemFailures: [] });
      await admin(second).get('/team-members/no-such-member');
    }).finally(() => configure('info', 0));
    const [batch, request, ...none] = byInvocation(lines);
    expect(none).toEqual([]);
    const tenantOf: Record<string, string> = { [mine]: first.tenantId, [theirs]: second.tenantId };
    const eventOf: Record<string, string | undefined> = { [mine]: records[0]!.eventID, [theirs]: records[1]!.eventID };
    const recordLines = batch!.filter((line) => line.memberId !== undefined);
    expect(new Set(recordLines.map((line) => line.memberId))).toEqual(new Set([mine, theirs]));
    for (const line of batch!) {
      expect(line).toMatchObject({ function_name: 'team-member-changes', function_request_id: expect.stringMatching(UUID) });
      expect(line).not.toHaveProperty('requestId');
    }
    for (const line of recordLines) expect(line).toMatchObject({ tenantId: tenantOf[String(line.memberId)], eventId: eventOf[String(line.memberId)] });
    expect(tenantsOf(request!)).toEqual(new Set([second.tenantId]));
    for (const line of request!) {
      expect(line).toMatchObject({ function_name: 'admin' });
      expect(line).not.toHaveProperty('memberId');
      expect(line).not.toHaveProperty('eventId');
    }
  });
});
