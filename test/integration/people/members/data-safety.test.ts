import '../../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTeamMember } from '../../../../shared/store/team-members.js';
import { startTestApi } from '../../../support/http-stack.js';
import { oktaUser, PATCH_OP, scimClient, type ScimClient } from '../../../support/scim-client.js';
import { consistencyProblems } from '../../../support/table-consistency.js';
import { tenantItems } from '../../../support/table-scan.js';
import { createTestTenant, type TestTenant } from '../../../support/tenant.js';

/**
 * Nothing provisioned is lost: Okta's deactivation deletes nothing, and a DELETE from another
 * client hides the team member but keeps its record and history in the table. (Point-in-time
 * recovery and deletion protection of the table are asserted by test/infra/table.test.ts.)
 */
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

let api: Awaited<ReturnType<typeof startTestApi>>;
let tenant: TestTenant;
let scim: ScimClient;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant('safe.example', 'Safe Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
});
afterAll(async () => api?.stop());

const activation = (active: boolean) => ({ schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active } }] });
const findByUserName = async (userName: string) => (await scim.get(`/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`)).body;

describe('data safety', () => {
  it('deletes nothing when Okta deactivates: the user, its data and its groups stay, and reactivation keeps the id', async () => {
    const user = (await scim.post('/Users', oktaUser('kept.person@safe.example', { title: 'Keeper', [ENTERPRISE]: { employeeNumber: 'E-7' }, schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE] }))).body;
    const team = (await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Kept team', members: [{ value: user.id }] })).body;
    const before = await getTeamMember(tenant.tenantId, user.id);

    expect((await scim.patch(`/Users/${user.id}`, activation(false))).status).toBe(200);
    const deactivated = (await scim.get(`/Users/${user.id}`)).body;
    expect(deactivated).toMatchObject({ id: user.id, active: false, userName: user.userName, title: 'Keeper', [ENTERPRISE]: { employeeNumber: 'E-7' } });
    expect(deactivated.groups.map((group: { value: string }) => group.value)).toEqual([team.id]);
    expect((await findByUserName(user.userName)).totalResults).toBe(1);
    const stored = await getTeamMember(tenant.tenantId, user.id);
    expect(stored).toMatchObject({ active: false, attributes: { ...before!.attributes, active: false }, groupIds: [team.id] });
    expect(stored!.deletedAt).toBeUndefined();

    const reactivated = await scim.patch(`/Users/${user.id}`, activation(true));
    expect(reactivated.body).toMatchObject({ id: user.id, active: true, title: 'Keeper' });
  });

  it('keeps the record and history of a user another client deletes, hidden from SCIM, its names free again', async () => {
    const user = (await scim.post('/Users', oktaUser('deleted.person@safe.example', { title: 'Historian', externalId: 'ext-deleted-1' }))).body;
    await scim.put(`/Users/${user.id}`, { ...(await scim.get(`/Users/${user.id}`)).body, title: 'Archivist' });
    expect((await scim.delete(`/Users/${user.id}`)).status).toBe(204);

    expect((await scim.get(`/Users/${user.id}`)).status).toBe(404);
    expect((await findByUserName(user.userName)).totalResults).toBe(0);
    const stored = await getTeamMember(tenant.tenantId, user.id);
    expect(stored).toMatchObject({ id: user.id, userName: user.userName, externalId: 'ext-deleted-1', active: false, createdAt: user.meta.created, attributes: { title: 'Archivist' } });
    expect(stored!.deletedAt).toEqual(expect.any(String));
    expect(stored!.version).toBe(3);
    const items = await tenantItems(tenant.tenantId);
    expect(items.filter((item) => item.type === 'TeamMember' && item.id === user.id)).toHaveLength(1);

    const again = await scim.post('/Users', oktaUser(user.userName, { externalId: 'ext-deleted-1' }));
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(user.id);
    expect(await getTeamMember(tenant.tenantId, user.id)).toMatchObject({ deletedAt: stored!.deletedAt, attributes: { title: 'Archivist' } });
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
  });
});
