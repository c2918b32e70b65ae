import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const SEARCH_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let admin: AdminClient;
let customToken: string;

const scimOf = (token: string) => scimClient(`${api.baseUrl}/scim/v2`, token);
const switchTo = async (provisioningSource: 'okta' | 'custom') => {
  const { name, domains, allowSubdomains, defaultTimeZone, notifyManagersOnImport, managersCanToggleDataCapture, version } = (await admin.get('/settings')).body;
  const body = { name, domains, allowSubdomains, defaultTimeZone, provisioningSource, notifyManagersOnImport, managersCanToggleDataCapture, version };
  const response = await admin.put('/settings', body);
  expect(response.status, response.text).toBe(200);
};

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant();
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  const custom = await admin.post('/connections', { name: 'In-house SCIM client', source: 'custom' });
  expect(custom.status).toBe(201);
  const issued = await admin.post(`/connections/${custom.body.id}/tokens`, {});
  expect(issued.status, issued.text).toBe(201);
  customToken = issued.body.token;
});
afterAll(async () => api?.stop());

describe("the company's provisioning source", () => {
  it('refuses every SCIM call of a connection of the other source with 403 saying how to fix it', async () => {
    const custom = scimOf(customToken);
    const calls = [
      () => custom.get('/Users'),
      () => custom.post('/Users', oktaUser(`custom.user@${tenant.domain}`)),
      () => custom.post('/.search', { schemas: [SEARCH_REQUEST] }),
      () => custom.get('/ServiceProviderConfig'),
    ];
    for (const call of calls) {
      const response = await call();
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '403' });
      expect(response.body.detail).toContain('"okta"');
      expect(response.body.detail).toContain('PUT /admin/v1/settings');
    }
    expect((await scimOf(tenant.scimToken).get(`/Users?filter=${encodeURIComponent(`userName eq "custom.user@${tenant.domain}"`)}`)).body.totalResults).toBe(0);
  });

  it('takes the other source only after the admin switches it, and then refuses the first', async () => {
    expect((await scimOf(tenant.scimToken).get('/Users')).status).toBe(200);
    await switchTo('custom');
    const created = await scimOf(customToken).post('/Users', oktaUser(`switched.user@${tenant.domain}`));
    expect(created.status, created.text).toBe(201);
    const okta = await scimOf(tenant.scimToken).get('/Users');
    expect(okta.status).toBe(403);
    expect(okta.body.detail).toContain('"custom"');
    await switchTo('okta');
    expect((await scimOf(tenant.scimToken).get('/Users')).status).toBe(200);
  });

  it('gives a new connection the selected source unless the admin names one', async () => {
    const unnamed = await admin.post('/connections', { name: 'Second Okta app' });
    expect(unnamed.body.source).toBe('okta');
  });
});
