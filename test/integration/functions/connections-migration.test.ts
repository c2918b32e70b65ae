import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getGroup } from '../../../shared/store/groups.js';
import { getTeamMember } from '../../../shared/store/team-members.js';
import { startTestApi } from '../../support/http-stack.js';
import { oauthClient } from '../../support/oauth-client.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PEOPLE = ['ana.lima', 'bo.chen', 'cy.moss'];

/**
 * "Upgrade from one app to a later version": a second Okta app instance (its own connection,
 * authenticated with OAuth) is assigned the same people and groups the first one created, finds
 * them with `userName eq` / `displayName eq`, PUTs them; then the first connection is deleted.
 * Nothing is duplicated and nobody is deactivated.
 */
describe('migrating from one Okta app instance to another', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let tenant: TestTenant;
  let instance1: ScimClient;
  let instance2: ScimClient;
  let instance2Tokens: { access_token: string; refresh_token: string };
  let instance2Connection: string;
  let groupsSupported = false;
  const users = new Map<string, any>();
  let group: any;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await createTestTenant('migrate.example');
    instance1 = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  });
  afterAll(async () => api?.stop());

  it('instance 1 creates users and groups', async () => {
    for (const person of PEOPLE) {
      // Okta's user id (externalId) is the same in every app instance of one Okta org.
      const created = await instance1.post('/Users', oktaUser(`${person}@migrate.example`, { externalId: `00u-${person}` }));
      expect(created.status).toBe(201);
      users.set(person, created.body);
    }
    const created = await instance1.post('/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Sales',
      members: [...users.values()].map((user) => ({ value: user.id })),
    });
    groupsSupported = created.status === 201;
    if (groupsSupported) group = created.body;
  });

  it('instance 2 authenticates with OAuth as a new connection', async () => {
    const oauth = oauthClient(`${api.baseUrl}/oauth`);
    instance2Tokens = await oauth.tokensFor(tenant.adminToken, { connection: 'new', connection_name: 'Okta v3' });
    instance2 = scimClient(`${api.baseUrl}/scim/v2`, instance2Tokens.access_token);
    const connections = (await scimClient(`${api.baseUrl}/admin/v1`, tenant.adminToken).get('/connections')).body.connections;
    expect(connections.map((connection: { name: string }) => connection.name)).toEqual(['Okta (test)', 'Okta v3']);
    instance2Connection = connections[1].id;
  });

  it('instance 2 finds the users instance 1 created and links to them with PUT', async () => {
    for (const person of PEOPLE) {
      const userName = `${person}@migrate.example`;
      const found = await instance2.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`);
      expect(found.body.totalResults).toBe(1);
      const existing = found.body.Resources[0];
      expect(existing.id).toBe(users.get(person).id);

      const put = await instance2.put(`/Users/${existing.id}`, { ...oktaUser(userName, { externalId: `00u-${person}` }), id: existing.id, title: 'Account Executive' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ id: existing.id, active: true, title: 'Account Executive' });

      const stored = await getTeamMember(tenant.tenantId, existing.id);
      expect(stored).toMatchObject({ createdBy: tenant.connectionId, updatedBy: instance2Connection });
    }
    expect((await instance2.get('/Users?count=1')).body.totalResults).toBe(PEOPLE.length);
  });

  it('instance 2 finds the groups instance 1 created and links to them with PUT', async (context) => {
    if (!groupsSupported) return context.skip();
    const found = await instance2.get(`/Groups?filter=${encodeURIComponent('displayName eq "Sales"')}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(group.id);
    const put = await instance2.put(`/Groups/${group.id}`, {
      schemas: [GROUP_SCHEMA],
      id: group.id,
      displayName: 'Sales',
      members: [...users.values()].map((user) => ({ value: user.id })),
    });
    expect(put.status).toBe(200);
    expect((await getGroup(tenant.tenantId, group.id))?.updatedBy).toBe(instance2Connection);
    expect((await instance2.get('/Groups?count=10')).body.totalResults).toBe(1);
  });

  it("deleting instance 1's connection stops instance 1 only; instance 2 keeps working and nobody is deactivated", async () => {
    const admin = scimClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
    expect((await admin.delete(`/connections/${tenant.connectionId}`)).status).toBe(204);
    expect((await instance1.get('/Users?count=1')).status).toBe(401);

    const all = await instance2.get('/Users?count=100');
    expect(all.status).toBe(200);
    expect(all.body.totalResults).toBe(PEOPLE.length);
    expect(all.body.Resources.every((user: { active: boolean }) => user.active)).toBe(true);
    const patched = await instance2.patch(`/Users/${users.get('ana.lima').id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { title: 'Sales Lead' } }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.active).toBe(true);

    if (groupsSupported) {
      const sales = await instance2.get(`/Groups/${group.id}`);
      expect(sales.body.members.map((member: { value: string }) => member.value).sort()).toEqual([...users.values()].map((user) => user.id).sort());
    }

    const oauth = oauthClient(`${api.baseUrl}/oauth`);
    const renewed = await oauth.token({ grant_type: 'refresh_token', refresh_token: instance2Tokens.refresh_token });
    expect(renewed.status).toBe(200);
    expect((await scimClient(`${api.baseUrl}/scim/v2`, renewed.json.access_token).get('/Users?count=1')).status).toBe(200);
  });
});
