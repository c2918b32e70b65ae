import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const USERS = 7;
const GROUPS = 3;
let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
let tenant: TestTenant;
const userIds: string[] = [];
const groupIds: string[] = [];

const search = (path: string, body: Record<string, unknown>) => scim.post(path, { schemas: [SEARCH_REQUEST], ...body });
const idsOf = (body: { Resources: Array<{ id: string }> }) => body.Resources.map((resource) => resource.id);

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  for (let index = 0; index < USERS; index += 1) {
    const created = await scim.post('/Users', oktaUser(`searched.u${index}@${tenant.domain}`, { externalId: `ext-${index}` }));
    expect(created.status).toBe(201);
    userIds.push(created.body.id);
  }
  for (let index = 0; index < GROUPS; index += 1) {
    const created = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: `Searched ${index}`, members: [{ value: userIds[index] }] });
    expect(created.status).toBe(201);
    groupIds.push(created.body.id);
  }
  userIds.sort();
  groupIds.sort();
}, 60_000);
afterAll(async () => api?.stop());

describe('POST /<Type>/.search answers what the same GET answers, at the same cost', () => {
  const cases = [
    { type: 'Users', query: 'filter=userName%20eq%20%22searched.u3%40DOMAIN%22&attributes=userName', body: { filter: 'userName eq "searched.u3@DOMAIN"', attributes: ['userName'] } },
    { type: 'Users', query: 'startIndex=3&count=2&excludedAttributes=emails,name', body: { startIndex: 3, count: 2, excludedAttributes: ['emails', 'name'] } },
    { type: 'Users', query: 'count=3&cursor=', body: { count: 3, cursor: '' } },
    { type: 'Groups', query: 'filter=displayName%20eq%20%22Searched%201%22', body: { filter: 'displayName eq "Searched 1"' } },
    { type: 'Groups', query: 'attributes=members&count=2', body: { attributes: ['members'], count: 2 } },
  ];
  it.each(cases)('$type ? $query', async ({ type, query, body }) => {
    const withDomain = (text: string) => text.replaceAll('DOMAIN', tenant.domain);
    // The first visit to a startIndex walks to it and remembers where it starts; both are measured after it.
    await scim.get(`/${type}?${withDomain(query)}`);
    const viaGet = await countDynamoRequests(() => scim.get(`/${type}?${withDomain(query)}`));
    const viaPost = await countDynamoRequests(() => search(`/${type}/.search`, JSON.parse(withDomain(JSON.stringify(body)))));
    expect(viaGet.result.status).toBe(200);
    expect(viaPost.result.status, viaPost.result.text).toBe(200);
    expect(viaPost.result.body).toEqual(viaGet.result.body);
    expect(viaPost.result.body.Resources.length).toBeGreaterThan(0);
    expect(viaPost.count).toBe(viaGet.count);
  });

  it('refuses a body that is no SearchRequest as invalidSyntax, and wrongly typed members as invalidValue', async () => {
    const noSchema = await scim.post('/Users/.search', { schemas: ['urn:x'], filter: 'id eq "x"' });
    expect(noSchema.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    for (const body of [{ schemas: [SEARCH_REQUEST], attributes: [1] }, { schemas: [SEARCH_REQUEST], count: '10' }, { schemas: [SEARCH_REQUEST], count: 1.5 }]) {
      const response = await scim.post('/Users/.search', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    }
    const notObject = await scim.post('/Groups/.search', [SEARCH_REQUEST]);
    expect(notObject.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
  });

  it('refuses an unsupported filter as the GET does', async () => {
    const response = await search('/Users/.search', { filter: 'title co "x"' });
    expect(response.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
  });
});

describe('POST /.search: Users then Groups as one list', () => {
  const everything = () => [...userIds, ...groupIds];

  it('pages by startIndex across the boundary between the types', async () => {
    const seen: string[] = [];
    for (let startIndex = 1; startIndex <= USERS + GROUPS; startIndex += 4) {
      const page = await search('/.search', { startIndex, count: 4, attributes: ['id'] });
      expect(page.status, page.text).toBe(200);
      expect(page.body).toMatchObject({ totalResults: USERS + GROUPS, startIndex, itemsPerPage: Math.min(4, USERS + GROUPS - startIndex + 1) });
      seen.push(...idsOf(page.body));
    }
    expect(seen).toEqual(everything());
    const types = (await search('/.search', { startIndex: USERS, count: 2 })).body.Resources.map((resource: any) => resource.meta.resourceType);
    expect(types).toEqual(['User', 'Group']);
  });

  it('walks both types by cursor (RFC 9865), and a count of 0 gives the total only', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await search('/.search', { cursor, count: 3 });
      expect(page.status, page.text).toBe(200);
      expect(page.body.totalResults).toBe(USERS + GROUPS);
      expect(page.body.startIndex).toBeUndefined();
      seen.push(...idsOf(page.body));
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(everything());
    expect((await search('/.search', { cursor: '', count: 0 })).body).toMatchObject({ totalResults: USERS + GROUPS, Resources: [] });
    for (const forged of ['9.', 'x', '1.not-a-cursor']) {
      expect((await search('/.search', { cursor: forged })).body, forged).toMatchObject({ status: '400', scimType: 'invalidCursor' });
    }
  });

  it('runs a filter in every type that takes it; refuses it only when none does', async () => {
    const byId = await search('/.search', { filter: `id eq "${groupIds[0]}" or id eq "${userIds[0]}"` });
    expect(byId.status, byId.text).toBe(200);
    expect(idsOf(byId.body).sort()).toEqual([userIds[0], groupIds[0]].sort());
    const user = await search('/.search', { filter: `userName eq "searched.u2@${tenant.domain}"` });
    expect(user.body).toMatchObject({ totalResults: 1, Resources: [{ userName: `searched.u2@${tenant.domain}` }] });
    const refused = await search('/.search', { filter: 'title co "x"' });
    expect(refused.body).toMatchObject({ status: '400', scimType: 'invalidFilter' });
  });

  it('costs one counter read and at most one page per type', async () => {
    const users = await countDynamoRequests(() => scim.get(`/Users?startIndex=${USERS - 1}&count=4`));
    const groups = await countDynamoRequests(() => scim.get('/Groups?startIndex=1&count=2'));
    const both = await countDynamoRequests(() => search('/.search', { startIndex: USERS - 1, count: 4 }));
    expect(idsOf(both.result.body)).toEqual(everything().slice(USERS - 2, USERS + 2));
    expect(both.count).toBeLessThanOrEqual(users.count + groups.count);
  });
});
