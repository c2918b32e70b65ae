import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { startTestApi } from '../../support/http-stack.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant } from '../../support/tenant.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
let domain: string;

beforeAll(async () => {
  api = await startTestApi();
  const tenant = await createTestTenant();
  domain = tenant.domain;
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
});
afterAll(async () => api?.stop());

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
let sequence = 0;
async function users(count: number): Promise<string[]> {
  const created = await Promise.all(
    Array.from({ length: count }, () => scim.post('/Users', oktaUser(`member.m${(sequence += 1)}@${domain}`))),
  );
  return created.map((response) => {
    expect(response.status).toBe(201);
    return response.body.id as string;
  });
}
async function group(displayName: string, memberIds: string[] = []) {
  const response = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName, members: memberIds.map((value) => ({ value })) });
  expect(response.status).toBe(201);
  return response.body;
}
const memberIdsOf = async (id: string) =>
  ((await scim.get(`/Groups/${id}`)).body.members ?? []).map((member: { value: string }) => member.value).sort();

describe('groups', () => {
  it('creates with members, refuses a duplicate name in any case, and shows groups on users', async () => {
    const [a, b] = await users(2);
    const sales = await group('Sales', [a!, b!]);
    expect(sales.members.map((member: { value: string }) => member.value).sort()).toEqual([a, b].sort());
    const duplicate = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'SALES' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.scimType).toBe('uniqueness');
    expect((await scim.get(`/Users/${a}`)).body.groups).toEqual([expect.objectContaining({ value: sales.id })]);
  });

  it('applies Okta membership PATCHes: add + remove in one request, rename, push-now replace', async () => {
    const [a, b, c] = await users(3);
    const team = await group('Team A', [a!]);
    const both = await scim.patch(`/Groups/${team.id}`, patch(
      { op: 'remove', path: `members[value eq "${a}"]` },
      { op: 'add', path: 'members', value: [{ value: b, display: 'b' }, { value: c }] },
    ));
    expect(both.status).toBe(204);
    expect(both.headers.get('etag')).toBeTruthy();
    expect(await memberIdsOf(team.id)).toEqual([b, c].sort());
    expect((await scim.get(`/Users/${a}`)).body.groups ?? []).toEqual([]);

    const before = (await scim.get(`/Groups/${team.id}`)).body.meta.version;
    const sameName = await scim.patch(`/Groups/${team.id}`, patch({ op: 'replace', value: { id: team.id, displayName: 'Team A' } }));
    expect(sameName.status).toBe(204);
    expect((await scim.get(`/Groups/${team.id}`)).body.meta.version).toBe(before);
    await scim.patch(`/Groups/${team.id}`, patch({ op: 'replace', value: { id: team.id, displayName: 'Team A EMEA' } }));
    expect((await scim.get(`/Groups/${team.id}`)).body.displayName).toBe('Team A EMEA');
    expect((await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Team A' })).status).toBe(201);

    await scim.patch(`/Groups/${team.id}`, patch({ op: 'replace', path: 'members', value: [{ value: a }, { value: c }] }));
    expect(await memberIdsOf(team.id)).toEqual([a, c].sort());
    // "Push now" of the list the group already has computes an empty difference: nothing written.
    const again = await countDynamoRequests(() => scim.patch(`/Groups/${team.id}`, patch({ op: 'replace', path: 'members', value: [{ value: c }, { value: a }] })));
    expect(again.operations).not.toContain('TransactWriteItemsCommand');
    await scim.patch(`/Groups/${team.id}`, patch({ op: 'replace', path: 'members', value: [] }));
    expect(await memberIdsOf(team.id)).toEqual([]);
  });

  it('accepts the other clients’ shapes and is idempotent', async () => {
    const [a, b] = await users(2);
    const team = await group('Quirks', [a!]);
    // Adding a member who is there and removing one who is not change nothing, so write nothing.
    const readd = await countDynamoRequests(() => scim.patch(`/Groups/${team.id}`, patch({ op: 'Add', path: 'members', value: [{ value: a }] })));
    expect(readd.result.status).toBe(204);
    expect(readd.operations).not.toContain('TransactWriteItemsCommand');
    const removeAbsent = await countDynamoRequests(() => scim.patch(`/Groups/${team.id}`, patch({ op: 'remove', path: `members[value eq "${b}"]` })));
    expect(removeAbsent.result.status).toBe(204);
    expect(removeAbsent.operations).not.toContain('TransactWriteItemsCommand');
    expect(await memberIdsOf(team.id)).toEqual([a]);
    await scim.patch(`/Groups/${team.id}`, patch({ op: 'add', value: { members: [{ value: b }] } }));
    await scim.patch(`/Groups/${team.id}`, patch({ op: 'remove', path: 'members', value: [{ value: a }] }));
    expect(await memberIdsOf(team.id)).toEqual([b]);
    const withBody = await scim.patch(`/Groups/${team.id}?excludedAttributes=members`, patch({ op: 'remove', path: 'members' }));
    expect(withBody.status).toBe(200);
    expect(withBody.body).not.toHaveProperty('members');
    expect(await memberIdsOf(team.id)).toEqual([]);
  });

  it('refuses unknown member ids, naming them, and applies nothing of that PATCH', async () => {
    const [a] = await users(1);
    const team = await group('Atomic');
    const response = await scim.patch(`/Groups/${team.id}`, patch(
      { op: 'replace', value: { displayName: 'Atomic renamed' } },
      { op: 'add', path: 'members', value: [{ value: a }, { value: 'no-such-user' }] },
    ));
    expect(response.status).toBe(400);
    expect(response.body.scimType).toBe('invalidValue');
    expect(response.body.detail).toContain('no-such-user');
    const after = (await scim.get(`/Groups/${team.id}`)).body;
    expect(after.displayName).toBe('Atomic');
    expect(after.members ?? []).toEqual([]);
    expect((await scim.patch(`/Groups/${team.id}`, patch())).body.scimType).toBe('invalidSyntax');
  });

  it('keeps memberships of a deactivated user; deleting the group removes its edges', async () => {
    const [a] = await users(1);
    const team = await group('Kept', [a!]);
    await scim.patch(`/Users/${a}`, patch({ op: 'replace', value: { active: false } }));
    expect(await memberIdsOf(team.id)).toEqual([a]);
    expect((await scim.delete(`/Groups/${team.id}`)).status).toBe(204);
    expect((await scim.get(`/Groups/${team.id}`)).status).toBe(404);
    expect((await scim.get(`/Users/${a}`)).body.groups ?? []).toEqual([]);
  });

  it('takes a deleted user out of every group it was in', async () => {
    const [a, b] = await users(2);
    const teams = [await group('Left A', [a!, b!]), await group('Left B', [a!]), await group('Left C', [a!])];
    expect((await scim.delete(`/Users/${a}`)).status).toBe(204);
    for (const team of teams) expect(await memberIdsOf(team.id)).toEqual(team.displayName === 'Left A' ? [b] : []);
  });

  it('runs the filters clients send, and refuses the rest', async () => {
    const [a, b] = await users(2);
    const team = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Filtered', externalId: 'okta-g-1', members: [{ value: a }] });
    const id = team.body.id;
    const found = async (expression: string) => {
      const response = await scim.get(`/Groups?filter=${encodeURIComponent(expression)}&excludedAttributes=members`);
      expect(response.status, expression).toBe(200);
      return response.body.Resources.map((resource: { id: string }) => resource.id);
    };
    expect(await found('displayName eq "filtered"')).toEqual([id]);
    expect(await found('externalId eq "okta-g-1"')).toEqual([id]);
    expect(await found(`id eq "${id}"`)).toEqual([id]);
    expect(await found(`members[value eq "${a}"]`)).toEqual([id]);
    expect(await found(`members.value eq "${a}"`)).toEqual([id]);
    expect(await found(`displayName eq "Filtered" and members[value eq "${a}"]`)).toEqual([id]);
    expect(await found(`displayName eq "Filtered" and members[value eq "${b}"]`)).toEqual([]);
    const unsupported = await scim.get(`/Groups?filter=${encodeURIComponent('displayName co "Fil"')}`);
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.scimType).toBe('invalidFilter');
  });

  it('reads no membership item when members are excluded, and lists without members by default', async () => {
    const [a] = await users(1);
    const team = await group('Projection', [a!]);
    const excluded = await countDynamoRequests(() => scim.get(`/Groups/${team.id}?excludedAttributes=members`));
    expect(excluded.result.body).not.toHaveProperty('members');
    expect(excluded.operations).toEqual(['GetItemCommand']);
    const named = await countDynamoRequests(() => scim.get(`/Groups/${team.id}?attributes=id,displayName`));
    expect(named.operations).toEqual(['GetItemCommand']);
    const full = await countDynamoRequests(() => scim.get(`/Groups/${team.id}`));
    expect(full.operations).toEqual(['GetItemCommand', 'QueryCommand']);
    const listed = await scim.get(`/Groups?filter=${encodeURIComponent(`id eq "${team.id}"`)}`);
    expect(listed.body.Resources[0]).not.toHaveProperty('members');
    const listedWith = await scim.get(`/Groups?filter=${encodeURIComponent(`id eq "${team.id}"`)}&attributes=members`);
    expect(listedWith.body.Resources[0].members).toEqual([expect.objectContaining({ value: a })]);
  });
});

describe('concurrency', () => {
  it('lands all of 50 concurrent PATCHes that each add a different member', async () => {
    const ids = await users(50);
    const team = await group('Concurrent');
    const results = await Promise.all(ids.map((id) => scim.patch(`/Groups/${team.id}`, patch({ op: 'add', path: 'members', value: [{ value: id }] }))));
    expect(results.map((result) => result.status)).toEqual(ids.map(() => 204));
    expect(await memberIdsOf(team.id)).toEqual([...ids].sort());
  });

  it('loses neither a rename nor a membership change that race', async () => {
    const [a] = await users(1);
    const team = await group('Racing');
    const [rename, add] = await Promise.all([
      scim.patch(`/Groups/${team.id}`, patch({ op: 'replace', value: { id: team.id, displayName: 'Racing renamed' } })),
      scim.patch(`/Groups/${team.id}`, patch({ op: 'add', path: 'members', value: [{ value: a }] })),
    ]);
    expect([rename.status, add.status]).toEqual([204, 204]);
    const after = (await scim.get(`/Groups/${team.id}`)).body;
    expect(after.displayName).toBe('Racing renamed');
    expect(after.members.map((member: { value: string }) => member.value)).toEqual([a]);
  });
});
