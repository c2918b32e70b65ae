import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { getConnection } from '../../../shared/store/connections.js';
import { startTestApi } from '../../support/http-stack.js';
import { scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;

const admin = (token = tenant.adminToken) => scimClient(`${api.baseUrl}/admin/v1`, token);
const json = { 'content-type': 'application/json' };
/** GetCommand / GetItemCommand → Get (the document client reports either name). */
const kind = (operation: string) => /^(Get|Update|Put|Query)/.exec(operation)?.[1] ?? operation;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant();
});
afterAll(async () => api?.stop());

describe('connections admin API', () => {
  it('lists the connection of the tenant helper, creates one, and issues a token shown once', async () => {
    const listed = await admin().get('/connections');
    expect(listed.status).toBe(200);
    expect(listed.headers.get('content-type')).toContain('application/json');
    expect(listed.body.connections).toEqual([
      { id: tenant.connectionId, name: 'Okta (test)', source: 'okta', createdAt: expect.any(String), lastUsedAt: null },
    ]);

    const created = await admin().call('POST', '/connections', JSON.stringify({ name: ' Okta v3 ', source: 'okta' }), json);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Okta v3', source: 'okta', lastUsedAt: null });

    const issued = await admin().call('POST', `/connections/${created.body.id}/tokens`);
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
    expect(issued.body).toEqual({ token: expect.stringMatching(/^roster_scim_/), connectionId: created.body.id });

    const scim = scimClient(`${api.baseUrl}/scim/v2`, issued.body.token);
    expect((await scim.get('/Users?count=1')).status).toBe(200);
    const after = (await admin().get('/connections')).body.connections;
    expect(after.map((connection: { id: string }) => connection.id)).toEqual([tenant.connectionId, created.body.id]);
    expect(after[1].lastUsedAt).toEqual(expect.any(String));
  });

  it("defaults the source to the company's selected one and validates the body, answering admin-format errors", async () => {
    const unnamed = await admin().call('POST', '/connections', JSON.stringify({ name: 'HR sync' }), json);
    expect(unnamed.body.source).toBe('okta');
    const custom = await admin().call('POST', '/connections', JSON.stringify({ name: 'HR sync', source: 'custom' }), json);
    expect(custom.body.source).toBe('custom');

    for (const body of [{}, { name: '' }, { name: 'x', source: 'azure' }, { name: 'x', extra: 1 }, []]) {
      const response = await admin().call('POST', '/connections', JSON.stringify(body), json);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'bad_request', message: expect.any(String), details: expect.any(Array) });
    }
    const malformed = await admin().call('POST', '/connections', '{"name":', json);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('bad_request');
  });

  it('answers 404 for unknown connections', async () => {
    expect((await admin().delete('/connections/nope')).status).toBe(404);
    const token = await admin().call('POST', '/connections/nope/tokens');
    expect(token.status).toBe(404);
    expect(token.body.error).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
  });

  it('keeps SCIM tokens out of the admin API and admin tokens out of SCIM (403), and needs a token (401)', async () => {
    const withScimToken = await admin(tenant.scimToken).get('/connections');
    expect(withScimToken.status).toBe(403);
    expect(withScimToken.body.error.code).toBe('forbidden');
    expect((await scimClient(`${api.baseUrl}/scim/v2`, tenant.adminToken).get('/Users')).status).toBe(403);
    const anonymous = await fetch(`${api.baseUrl}/admin/v1/connections`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).error.code).toBe('unauthorized');
  });
});

describe('revocation', () => {
  it('DELETE connection revokes every token of it on the next request, and only those', async () => {
    const created = (await admin().call('POST', '/connections', JSON.stringify({ name: 'Old instance', source: 'okta' }), json)).body;
    const tokens = await Promise.all([1, 2].map(async () => (await admin().call('POST', `/connections/${created.id}/tokens`)).body.token));
    const clients = tokens.map((token) => scimClient(`${api.baseUrl}/scim/v2`, token));
    for (const client of clients) expect((await client.get('/Users?count=1')).status).toBe(200);

    expect((await admin().delete(`/connections/${created.id}`)).status).toBe(204);
    for (const client of clients) {
      const response = await client.get('/Users?count=1');
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
    expect((await scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken).get('/Users?count=1')).status).toBe(200);
    expect((await admin().get('/connections')).body.connections.map((c: { id: string }) => c.id)).not.toContain(created.id);
    expect((await admin().delete(`/connections/${created.id}`)).status).toBe(404);
    expect((await admin().call('POST', `/connections/${created.id}/tokens`)).status).toBe(404);
  });
});

describe('last used', () => {
  it('is written at most once per period, not on every request', async () => {
    const created = (await admin().call('POST', '/connections', JSON.stringify({ name: 'Busy' }), json)).body;
    const scim = scimClient(`${api.baseUrl}/scim/v2`, (await admin().call('POST', `/connections/${created.id}/tokens`)).body.token);
    const first = await countDynamoRequests(() => scim.get('/ServiceProviderConfig'));
    // The token, then its connection and company side by side (the company's selected provisioning source), then the stamp.
    expect(first.operations.map(kind).sort()).toEqual(['Get', 'Get', 'Get', 'Update']);
    const stamped = (await getConnection(tenant.tenantId, created.id))!.lastUsedAt;
    expect(stamped).toEqual(expect.any(String));

    const again = await countDynamoRequests(() => Promise.all([1, 2, 3].map(() => scim.get('/ServiceProviderConfig'))));
    expect(again.operations.map(kind)).toEqual(Array.from({ length: 9 }, () => 'Get'));
    expect((await getConnection(tenant.tenantId, created.id))!.lastUsedAt).toBe(stamped);
  });
});
