import { describe, expect, it } from 'vitest';
import { useLocalStack } from '../support/local-stack-process.js';
import { PATCH_OP, oktaUser } from '../support/scim-client.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Okta's Group Push (okta-scim-client.md, "Groups") replayed against `npm start` over HTTP. */
describe('Okta Group Push against `npm start`', () => {
  const local = useLocalStack();

  it('pushes groups and memberships as Okta does', async () => {
    const jane = (await local.scim.post('/Users', oktaUser('jane.push@example.com'))).body;
    const john = (await local.scim.post('/Users', oktaUser('john.push@example.com'))).body;
    const members = (...ids: string[]) => ids.map((value) => ({ value, display: value }));
    const memberIds = (group: { members?: Array<{ value: string }> }) => (group.members ?? []).map((member) => member.value).sort();

    // Connection test and lookup by name (miss).
    expect((await local.scim.get('/Groups?startIndex=1&count=100')).status).toBe(200);
    const lookup = `/Groups?filter=${encodeURIComponent('displayName eq "Marketing"')}&startIndex=1&count=100`;
    expect((await local.scim.get(lookup)).body.totalResults).toBe(0);

    // Create, empty and with members.
    const sales = await local.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Marketing', members: [] });
    expect(sales.status).toBe(201);
    const support = await local.scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Finance', members: members(jane.id) });
    expect(memberIds(support.body)).toEqual([jane.id]);
    expect((await local.scim.get(lookup)).body.Resources[0].id).toBe(sales.body.id);

    // Membership change with add and remove in one PATCH, then a rename PATCH.
    const url = `/Groups/${sales.body.id}`;
    expect((await local.scim.patch(url, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: members(jane.id, john.id) }] })).status).toBe(204);
    expect((await local.scim.patch(url, { schemas: [PATCH_OP], Operations: [
      { op: 'remove', path: `members[value eq "${jane.id}"]` },
      { op: 'add', path: 'members', value: members(john.id) },
    ] })).status).toBe(204);
    expect(memberIds((await local.scim.get(url)).body)).toEqual([john.id]);
    await local.scim.patch(url, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { id: sales.body.id, displayName: 'Marketing EMEA' } }] });
    expect((await local.scim.get(url)).body.displayName).toBe('Marketing EMEA');

    // "Push now": the whole list, then [].
    await local.scim.patch(url, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'members', value: members(jane.id, john.id) }] });
    expect(memberIds((await local.scim.get(url)).body)).toEqual([jane.id, john.id].sort());
    await local.scim.patch(url, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'members', value: [] }] });
    expect(memberIds((await local.scim.get(url)).body)).toEqual([]);

    // GET with and without members.
    expect((await local.scim.get(`/Groups/${support.body.id}?excludedAttributes=members`)).body).not.toHaveProperty('members');
    expect(memberIds((await local.scim.get(`/Groups/${support.body.id}`)).body)).toEqual([jane.id]);

    // Delete.
    expect((await local.scim.delete(`/Groups/${support.body.id}`)).status).toBe(204);
    expect((await local.scim.get(`/Groups/${support.body.id}`)).status).toBe(404);
    expect((await local.scim.get(`/Users/${jane.id}`)).body.groups ?? []).toEqual([]);
  });

  it('answers GET /Groups (Okta spec test 9) with a ListResponse', async () => {
    const response = await local.scim.get('/Groups');
    expect(response.status).toBe(200);
    expect(response.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse']);
  });
});
