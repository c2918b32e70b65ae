import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { adminClient } from '../../support/admin-client.js';
import { consoleClient } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { useOwnDynamoDb } from '../../support/own-dynamodb.js';
import { seedBigCompany } from '../../support/seed-company.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let client: ReturnType<typeof consoleClient>;
let assignmentId: string;
let assignmentForm: Record<string, string>;

let ownDynamoDb: Awaited<ReturnType<typeof useOwnDynamoDb>> | undefined;

beforeAll(async () => {
  ownDynamoDb = await useOwnDynamoDb();
  api = await startTestApi();
  tenant = await createTestTenant(`big${Date.now().toString(36)}.example.com`, 'Big Co');
  await seedBigCompany(tenant.tenantId, tenant.domain, { members: 10_000, groups: 2_000 });
  const admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  await admin.post('/seats', { name: 'Seat', total: 5_000, capabilities: ['dataCapture'] });
  assignmentId = (await admin.post('/assignments', { name: 'Everyone', priority: 1, groupIds: [] })).body.id;
  client = consoleClient(api.baseUrl);
  const form = await client.get(`/console/sign-in?company=${tenant.tenantId}`);
  await client.post('/console/sign-in/admin-token', { csrf: client.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next: '/console/admin/settings' });
  const path = `/console/admin/assignments/${assignmentId}`;
  assignmentForm = client.formOf(await client.get(path), path);
}, 600_000);
afterAll(async () => {
  await api?.stop();
  await ownDynamoDb?.stop();
});

/**
 * Each admin page view of a company of 10,000 members and 2,000 groups: a fixed number of requests
 * (the session, the company and — signed in with the admin token, as here — that token, still valid,
 * then what the page shows: the config partition, one page of members or groups, the connections),
 * never a read of all members or all groups.
 */
describe('DynamoDB requests per admin page view, 10,000 members and 2,000 groups', () => {
  const views: Array<[string, () => Promise<{ status: number; html: string }>, number, string?]> = [
    ['settings', () => client.get('/console/admin/settings'), 5],
    ['assignments', () => client.get('/console/admin/assignments'), 4],
    ['an assignment’s form', () => client.get(`/console/admin/assignments/${assignmentId}`), 5],
    ['browsing groups on the form', () => client.post(`/console/admin/assignments/${assignmentId}`, { ...assignmentForm, action: 'search' }), 6],
    ['finding a group by name on the form', () => client.post(`/console/admin/assignments/${assignmentId}`, { ...assignmentForm, groupSearch: 'seeded group 1999', action: 'search' }), 6, 'Seeded group 1999'],
    ['seats', () => client.get('/console/admin/seats'), 5],
    ['import errors', () => client.get('/console/admin/import-errors'), 5],
    ['connections', () => client.get('/console/admin/connections'), 4],
  ];
  it.each(views)('%s', async (_name, view, expected, mustShow) => {
    await view();
    const { result, count, operations } = await countDynamoRequests(view);
    expect(result.status).toBe(200);
    if (mustShow) expect(result.html).toContain(mustShow);
    expect(count, operations.join(', ')).toBe(expected);
  });
});
