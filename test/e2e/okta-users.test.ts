import { describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack-process.js';
import { PATCH_OP, oktaUser, scimClient } from '../support/scim-client.js';

const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/**
 * Okta's traffic (../shared/reference/okta-scim-client.md) replayed against the local stack,
 * started as a user starts it, over HTTP.
 */
describe('Okta user lifecycle against `npm start`', () => {
  const local = useLocalStack();
  const filterPath = (userName: string) =>
    `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`;


  it('writes stack.json with exactly the documented keys', () => {
    expect(Object.keys(local.stack.info).sort()).toEqual(
      ['adminBaseUrl', 'adminToken', 'consoleUrl', 'dynamoDbEndpoint', 'identityProviderUrl', 'oauthBaseUrl', 'primaryDomain', 'scimBaseUrl', 'scimToken', 'sesApiUrl', 'tableName', 'tenantId'].sort(),
    );
    expect(local.stack.info.primaryDomain).toBe('example.com');
    expect(local.stack.output()).toContain(local.stack.info.scimToken);
  });

  it('answers ServiceProviderConfig with the token, and 401 SCIM JSON without it', async () => {
    const config = await local.scim.get('/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.headers.get('content-type')).toContain('application/scim+json');
    expect(config.body.patch.supported).toBe(true);

    const anonymous = await fetch(`${local.stack.info.scimBaseUrl}/ServiceProviderConfig`);
    expect(anonymous.status).toBe(401);
    const body: any = await anonymous.json();
    expect(body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
    expect(body.detail.length).toBeGreaterThan(0);
  });

  it('rejects a bad token with 401 Error JSON (spec test 10)', async () => {
    const bad = scimClient(local.stack.info.scimBaseUrl, 'not-a-token');
    const response = await bad.get('/Users?startIndex=1&count=2');
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '401' });
  });

  it('runs the whole lifecycle Okta drives', async () => {
    // Connection test.
    const connection = await local.scim.get('/Users?startIndex=1&count=2');
    expect(connection.status).toBe(200);
    expect(connection.body).toMatchObject({ schemas: [LIST_SCHEMA], startIndex: 1 });
    expect(Number.isInteger(connection.body.totalResults)).toBe(true);
    expect(Number.isInteger(connection.body.itemsPerPage)).toBe(true);

    // Does the user exist? No.
    const miss = await local.scim.get(filterPath('jane.doe@example.com'));
    expect(miss.status).toBe(200);
    expect(miss.body).toMatchObject({ totalResults: 0, Resources: [] });

    // Create.
    const created = await local.scim.post('/Users', oktaUser('jane.doe@example.com'));
    expect(created.status).toBe(201);
    const jane = created.body;
    expect(jane.id).toEqual(expect.any(String));
    expect(jane).toMatchObject({ userName: 'jane.doe@example.com', active: true, name: { givenName: 'Jane', familyName: 'Doe' } });
    expect(jane).not.toHaveProperty('password');
    expect(created.headers.get('location')).toBe(`${local.stack.info.scimBaseUrl}/Users/${jane.id}`);
    expect(created.headers.get('etag')).toBe(jane.meta.version);

    // Lookup hits, in any letter case.
    for (const userName of ['jane.doe@example.com', 'JANE.DOE@EXAMPLE.COM']) {
      const hit = await local.scim.get(filterPath(userName));
      expect(hit.body.totalResults).toBe(1);
      expect(hit.body.Resources[0].id).toBe(jane.id);
    }

    // Read.
    const read = await local.scim.get(`/Users/${jane.id}`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(jane.id);

    // Profile update: Okta sends back what it read, changed, with id/meta/groups/password.
    const updated = await local.scim.put(`/Users/${jane.id}`, { ...read.body, title: 'VP Sales', password: 'x9', name: { givenName: 'Jane', familyName: 'Smith' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: jane.id, title: 'VP Sales', name: { familyName: 'Smith' } });
    expect(updated.body.meta.version).not.toBe(jane.meta.version);

    // Deactivate, path-less, then reactivate: same id, data kept, still visible.
    const deactivated = await local.scim.patch(`/Users/${jane.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id: jane.id, active: false, title: 'VP Sales' });
    const stillThere = await local.scim.get(filterPath('jane.doe@example.com'));
    expect(stillThere.body.Resources[0]).toMatchObject({ id: jane.id, active: false });
    const reactivated = await local.scim.patch(`/Users/${jane.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(reactivated.body).toMatchObject({ id: jane.id, active: true, title: 'VP Sales' });

    // The same create again: 409 uniqueness.
    const duplicate = await local.scim.post('/Users', oktaUser('jane.doe@example.com'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '409', scimType: 'uniqueness' });
  });

  it('passes the assertions of Okta’s published SCIM 2.0 spec test', async () => {
    await local.scim.post('/Users', oktaUser('spec.first@example.com'));
    // 1. first page of one
    const page = await local.scim.get('/Users?count=1&startIndex=1');
    expect(page.status).toBe(200);
    expect(page.body.schemas).toEqual([LIST_SCHEMA]);
    for (const counter of ['totalResults', 'itemsPerPage', 'startIndex']) expect(Number.isInteger(page.body[counter])).toBe(true);
    const first = page.body.Resources[0];
    expect(first).toMatchObject({ id: expect.any(String), name: { givenName: expect.any(String), familyName: expect.any(String) }, userName: expect.any(String), active: expect.any(Boolean) });
    expect(first.emails[0].value).toEqual(expect.any(String));
    // 2. that user by id
    const byId = await local.scim.get(`/Users/${first.id}`);
    expect(byId.body).toMatchObject({ id: first.id, userName: first.userName });
    // 3. unknown userName
    const unknown = await local.scim.get(filterPath('nobody.here@example.com'));
    expect(unknown.body.totalResults).toBe(0);
    // 4. unknown id
    const missing = await local.scim.get('/Users/010000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '404' });
    expect(missing.body.detail.length).toBeGreaterThan(0);
    // 5–7. create, read back, create again
    const created = await local.scim.post('/Users', oktaUser('spec.second@example.com'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ active: true, userName: 'spec.second@example.com', name: { givenName: 'Spec', familyName: 'Second' } });
    expect(created.body.id.length).toBeGreaterThan(0);
    expect((await local.scim.get(`/Users/${created.body.id}`)).body.id).toBe(created.body.id);
    expect((await local.scim.post('/Users', oktaUser('spec.second@example.com'))).status).toBe(409);
    // 8. the userName in upper case finds the user
    const upper = await local.scim.get(filterPath('SPEC.SECOND@EXAMPLE.COM'));
    expect(upper.status).toBe(200);
    expect(upper.body.Resources.map((user: { id: string }) => user.id)).toEqual([created.body.id]);
  });
  it('replays the cases the public conformance suites found', async () => {
    const ROSTER = 'urn:ietf:params:scim:schemas:extension:roster:2.0:User';
    const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const roster = (body: any) => body[ROSTER];
    const patch = (id: string, ...Operations: unknown[]) => local.scim.patch(`/Users/${id}`, { schemas: [PATCH_OP], Operations });
    const manager = (await local.scim.post('/Users', oktaUser('replay.manager@example.com'))).body;
    const report = (await local.scim.post('/Users', oktaUser('replay.report@example.com', { [ENTERPRISE]: { manager: { value: manager.id } } }))).body;
    expect(roster(report)).toMatchObject({ managerId: manager.id, managerResolution: 'id' });

    // POST /.search (RFC 7644 §3.4.3) on a type and at the root.
    const search = { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'userName eq "replay.report@example.com"' };
    for (const path of ['/Users/.search', '/.search']) {
      const found = await local.scim.post(path, search);
      expect(found.status, path).toBe(200);
      expect(found.body.Resources.map((user: { id: string }) => user.id)).toEqual([report.id]);
    }
    // A whole extension set with a "schemas" key inside: the value is wrong, not the path.
    const withSchemas = await patch(report.id, { op: 'replace', path: ENTERPRISE, value: { schemas: [ENTERPRISE], employeeNumber: '1' } });
    expect(withSchemas.body).toMatchObject({ schemas: [ERROR_SCHEMA], status: '400', scimType: 'invalidValue' });
    // A link that would make a cycle says so.
    const cycle = await patch(manager.id, { op: 'replace', path: `${ENTERPRISE}:manager`, value: { value: report.id } });
    expect(roster(cycle.body)).toMatchObject({ managerResolution: 'cycle' });
    expect(roster(cycle.body)).not.toHaveProperty('managerId');
    // Removing the manager, then the extension, leaves managerId and managerResolution agreeing.
    const removed = await patch(report.id, { op: 'remove', path: `${ENTERPRISE}:manager` });
    expect(roster(removed.body)).toMatchObject({ managerResolution: 'none' });
    expect(roster(removed.body)).not.toHaveProperty('managerId');
    const bare = await patch(report.id, { op: 'remove', path: ROSTER });
    expect(roster(bare.body)).not.toHaveProperty('managerId');

    // A connection of the source the company did not select is refused, saying how to fix it.
    const custom = await local.admin.post('/connections', { name: 'Replay custom client', source: 'custom' });
    const token = (await local.admin.post(`/connections/${custom.body.id}/tokens`, {})).body.token;
    const refused = await scimClient(local.stack.info.scimBaseUrl, token).get('/Users?count=1');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('provisioningSource');
  });
});
