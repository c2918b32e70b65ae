import '../../support/environment.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { cancelledTransaction, injectDynamoFault, reasonsWith, throttled, throttlingErrors, type Fault } from '../../support/dynamo-faults.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { consistencyProblems } from '../../support/table-consistency.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

/**
 * What Roster answers when DynamoDB throttles or a transaction keeps conflicting, injected into
 * Roster's own SDK client (the errors the SDK hands over once its retries are spent), and what is
 * stored afterwards: never a half-written user.
 */
const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let scim: ScimClient;
let admin: AdminClient;
let removeFault: (() => void) | undefined;
let sequence = 0;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant('faults.example', 'Faults Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
});
afterEach(() => {
  removeFault?.();
  removeFault = undefined;
});
afterAll(async () => api?.stop());

const inject = (fault: Fault) => (removeFault = injectDynamoFault(fault));
const nextUser = () => oktaUser(`fault.user${(sequence += 1)}@faults.example`);
const userNamed = async (userName: string) => (await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body.totalResults;

/** The answer Okta retries on its own: 429 or 503, an integer Retry-After, the API's error JSON. */
function expectRetryable(response: { status: number; headers: Headers; body: any }, api: 'scim' | 'admin') {
  expect([429, 503]).toContain(response.status);
  expect(response.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
  if (api === 'scim') expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: String(response.status), detail: expect.any(String) });
  else expect(response.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
}

describe('DynamoDB throttling', () => {
  it.each([
    ['a read (the token lookup)', 'GetItem'],
    ['a query (userName eq)', 'Query'],
    ['the create transaction', 'TransactWriteItems'],
  ])('answers 429 with an integer Retry-After and SCIM Error JSON when %s is throttled', async (_label, operation) => {
    const body = nextUser();
    inject((name) => (name === operation ? throttled() : undefined));
    const response = operation === 'Query' ? await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${body.userName}"`)}`) : await scim.post('/Users', body);
    expectRetryable(response, 'scim');
    expect(response.status).toBe(429);
    removeFault!();
    if (operation !== 'Query') expect(await userNamed(body.userName)).toBe(0);
    expect((await scim.post('/Users', body)).status).toBe(201);
  });

  it.each(Object.entries(throttlingErrors))('answers 429 SCIM Error JSON with an integer Retry-After on %s', async (_name, error) => {
    inject((name) => (name === 'Query' ? error() : undefined));
    const response = await scim.get(`/Users?filter=${encodeURIComponent('userName eq "a@faults.example"')}`);
    expectRetryable(response, 'scim');
    expect(response.status).toBe(429);
  });

  it('answers 429 when one item of a transaction is throttled', async () => {
    const body = nextUser();
    inject((name, input) => (name === 'TransactWriteItems' ? cancelledTransaction(reasonsWith((input.TransactItems as unknown[]).length, 1, 'ThrottlingError')) : undefined));
    expectRetryable(await scim.post('/Users', body), 'scim');
    removeFault!();
    expect(await userNamed(body.userName)).toBe(0);
  });

  it('answers the admin API with its own error JSON and a Retry-After', async () => {
    inject((name) => (name === 'Query' || name === 'GetItem' ? throttled() : undefined));
    expectRetryable(await admin.get('/seats'), 'admin');
  });
});

describe('an unexpected failure', () => {
  it('answers 500 with nothing of the error: no message, stack, path or key', async () => {
    const leaky = Object.assign(new Error(`boom on T#${tenant.tenantId}#UN#secret@faults.example`), { stack: 'Error: boom\n    at write (/work/main/shared/store/writes.ts:12:3)' });
    inject(() => leaky);
    const responses = [await scim.post('/Users', nextUser()), await admin.get('/seats')];
    for (const response of responses) {
      expect(response.status).toBe(500);
      expect(response.text).not.toMatch(/boom|T#|secret@|\.ts|at write/);
    }
    expect(responses[0]!.body).toEqual({ schemas: [ERROR_SCHEMA], status: '500', detail: expect.any(String) });
    expect(responses[1]!.body.error).toMatchObject({ code: 'internal_error', requestId: expect.any(String) });
  });
});

describe('transaction conflicts', () => {
  it('retries a create whose transaction conflicts a few times, and writes the user once', async () => {
    const body = nextUser();
    let conflicts = 0;
    inject((name, input) => {
      if (name !== 'TransactWriteItems' || conflicts >= 2) return undefined;
      conflicts += 1;
      return cancelledTransaction(reasonsWith((input.TransactItems as unknown[]).length, 0, 'TransactionConflict'));
    });
    const created = await scim.post('/Users', body);
    expect(created.status).toBe(201);
    expect(conflicts).toBe(2);
    expect(await userNamed(body.userName)).toBe(1);
  });

  it('gives up on a transaction that keeps conflicting with an answer Okta retries, having written nothing', async () => {
    const body = nextUser();
    inject((name, input) => (name === 'TransactWriteItems' ? cancelledTransaction(reasonsWith((input.TransactItems as unknown[]).length, 0, 'TransactionConflict')) : undefined));
    const refused = await scim.post('/Users', body);
    expect([409, 429]).toContain(refused.status);
    expect(refused.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: String(refused.status) });
    if (refused.status === 429) expectRetryable(refused, 'scim');
    removeFault!();
    expect(await userNamed(body.userName)).toBe(0);
    expect((await scim.post('/Users', body)).status).toBe(201);
    expect((await scim.post('/Users', body)).status).toBe(409);
  });

  it('leaves markers, edges and counters consistent after every fault above', async () => {
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
  });
});
