import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
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

  it('costs the same number of DynamoDB requests on the last sequential page as on the second', async () => {
    const costs: number[] = [];
    for (let startIndex = 1; startIndex <= USERS; startIndex += 50) {
      const { count } = await countDynamoRequests(() => scim.get(`/Users?startIndex=${startIndex}&count=50`));
      costs.push(count);
    }
    // Page 1: counter + query + checkpoint write; later pages add the checkpoint read.
    expect(costs[0]).toBe(3);
    expect(new Set(costs.slice(1, -1))).toEqual(new Set([4]));
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
