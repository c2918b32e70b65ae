import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { CHECKPOINT_STRIDE, forgetPagePositionsForTests } from '../../../shared/store/paging.js';
import { seedConsistentCompany } from '../../support/seed-company.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { MAX_FILTER_LOOKUPS } from '../../../shared/scim/service-provider-config.js';
import { createTestTenant } from '../../support/tenant.js';

const USERS = 250;
let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
const createdIds: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  for (let batch = 0; batch < USERS; batch += 10) {
    const responses = await Promise.all(
      Array.from({ length: Math.min(10, USERS - batch) }, (_, index) => scim.post('/Users', oktaUser(`paged.u${batch + index}@${tenant.domain}`))),
    );
    for (const response of responses) {
      expect(response.status).toBe(201);
      createdIds.push(response.body.id);
    }
  }
  createdIds.sort();
}, 120_000);
afterAll(async () => api?.stop());

describe('paging a few hundred users', () => {
  it('walks every user exactly once with startIndex += count, in a stable order', async () => {
    const seen: string[] = [];
    for (let startIndex = 1; startIndex <= USERS; startIndex += 40) {
      const page = await scim.get(`/Users?startIndex=${startIndex}&count=40`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ totalResults: USERS, startIndex });
      expect(page.body.itemsPerPage).toBe(Math.min(40, USERS - startIndex + 1));
      seen.push(...page.body.Resources.map((user: { id: string }) => user.id));
    }
    expect(seen).toEqual(createdIds);
    const again = await scim.get('/Users?startIndex=41&count=40');
    expect(again.body.Resources.map((user: { id: string }) => user.id)).toEqual(createdIds.slice(40, 80));
  });

  it('costs the same DynamoDB requests on every sequential page as on the first: the counter and the page, no checkpoint read or write', async () => {
    for (let startIndex = 1; startIndex <= USERS; startIndex += 50) {
      const { operations } = await countDynamoRequests(() => scim.get(`/Users?startIndex=${startIndex}&count=50`));
      expect(operations, `startIndex ${startIndex}`).toEqual(['QueryCommand', 'QueryCommand']);
    }
  });

  it('serves a page from another warm function, which remembers no position: it walks the keys from the start', async () => {
    forgetPagePositionsForTests();
    const page = await countDynamoRequests(() => scim.get('/Users?startIndex=101&count=50'));
    expect(page.result.body.Resources.map((user: { id: string }) => user.id)).toEqual(createdIds.slice(100, 150));
    // The counter, the nearest checkpoint (none below a stride), the walk over 100 keys, the page.
    expect(page.operations).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand']);
  });

  it('jumps to an arbitrary startIndex correctly', async () => {
    const page = await scim.get('/Users?startIndex=137&count=5');
    expect(page.body.Resources.map((user: { id: string }) => user.id)).toEqual(createdIds.slice(136, 141));
    const beyond = await scim.get(`/Users?startIndex=${USERS + 10}&count=5`);
    expect(beyond.body).toMatchObject({ totalResults: USERS, itemsPerPage: 0, Resources: [] });
  });

  it('answers a startIndex past the end from the total alone, without walking the keys again', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const beyond = await countDynamoRequests(() => scim.get(`/Users?startIndex=${USERS + 1_000}&count=5`));
      expect(beyond.result.body).toMatchObject({ totalResults: USERS, itemsPerPage: 0, Resources: [] });
      expect(beyond.operations).toEqual(['QueryCommand']); // the resource counter
    }
  });

  it('walks every user exactly once by cursor (RFC 9865)', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await scim.get(`/Users?count=60&cursor=${encodeURIComponent(cursor)}`);
      expect(page.status).toBe(200);
      expect(page.body.totalResults).toBe(USERS);
      seen.push(...page.body.Resources.map((user: { id: string }) => user.id));
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(createdIds);
  });

  it('refuses a forged cursor', async () => {
    const forged = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: 'T#other#users', gsi1sk: 'z' })).toString('base64url');
    const response = await scim.get(`/Users?count=10&cursor=${forged}`);
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidCursor');
  });

  it('caps count at the advertised maximum', async () => {
    const page = await scim.get('/Users?startIndex=1&count=5000');
    expect(page.body.itemsPerPage).toBe(200);
  });
});

describe(`paging ${(2.1 * CHECKPOINT_STRIDE).toLocaleString('en')} users`, () => {
  const MANY = 2.1 * CHECKPOINT_STRIDE;
  let deep: ScimClient;
  let inOrder: string[];
  beforeAll(async () => {
    const tenant = await createTestTenant('deep.example');
    await seedConsistentCompany(tenant.tenantId, tenant.domain, { members: MANY, groups: 1 });
    deep = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  }, 120_000);
  const idsOf = (response: { body: { Resources: Array<{ id: string }> } }) => response.body.Resources.map((user) => user.id);

  it(`writes a checkpoint to the table once every ${CHECKPOINT_STRIDE.toLocaleString('en')} users of a sequential pass, not on every page`, async () => {
    inOrder = [];
    const writes: number[] = [];
    for (let startIndex = 1; startIndex <= MANY; startIndex += 100) {
      const page = await countDynamoRequests(() => deep.get(`/Users?startIndex=${startIndex}&count=100`));
      expect(page.result.status).toBe(200);
      inOrder.push(...idsOf(page.result));
      expect(page.operations.filter((operation) => operation === 'QueryCommand'), `startIndex ${startIndex}`).toHaveLength(2);
      if (page.operations.includes('PutItemCommand')) writes.push(startIndex);
    }
    expect(new Set(inOrder).size).toBe(MANY);
    // The pages that end at a stride: 901–1000 and 1901–2000.
    expect(writes).toEqual([901, 1901]);
    // Served again by the same warm function, such a page does not write its checkpoint again.
    expect((await countDynamoRequests(() => deep.get('/Users?startIndex=901&count=100'))).operations).toEqual(['QueryCommand', 'QueryCommand']);
  });

  it('resumes, in another warm function, from the nearest checkpoint and walks less than a stride of keys', async () => {
    for (const startIndex of [1501, 2051, 1001]) {
      forgetPagePositionsForTests();
      const page = await countDynamoRequests(() => deep.get(`/Users?startIndex=${startIndex}&count=100`));
      expect(idsOf(page.result)).toEqual(inOrder.slice(startIndex - 1, startIndex + 99));
      // The counter, the nearest checkpoint, a walk of 500 or 50 keys (none from the checkpoint at 1001 itself), the page.
      expect(page.operations, `startIndex ${startIndex}`).toEqual(Array(startIndex === 1001 ? 3 : 4).fill('QueryCommand'));
    }
  });
});

describe('a filter of many alternatives', () => {
  const orOf = (n: number) => Array.from({ length: n }, (_, index) => `id eq "${createdIds[index % createdIds.length]}"`).join(' or ');

  it(`answers up to ${MAX_FILTER_LOOKUPS} lookups, and refuses more with 400 tooMany before reading anything`, async () => {
    const allowed = await scim.get(`/Users?filter=${encodeURIComponent(orOf(MAX_FILTER_LOOKUPS))}`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.totalResults).toBe(MAX_FILTER_LOOKUPS);

    const refused = await countDynamoRequests(() => scim.get(`/Users?filter=${encodeURIComponent(orOf(MAX_FILTER_LOOKUPS + 1))}`));
    expect(refused.result.status).toBe(400);
    expect(refused.result.body).toMatchObject({ status: '400', scimType: 'tooMany', detail: expect.stringContaining(String(MAX_FILTER_LOOKUPS)) });
    expect(refused.operations).toEqual([]);
  });

  it('says the cap in ServiceProviderConfig', async () => {
    expect((await scim.get('/ServiceProviderConfig')).body.filter).toEqual({ supported: true, maxResults: 200, maxLookups: MAX_FILTER_LOOKUPS });
  });
});
