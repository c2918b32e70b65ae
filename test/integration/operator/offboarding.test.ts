import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepInactivityClock } from '../../../shared/people/members/inactivity.js';
import { getTeamMember } from '../../../shared/store/team-members.js';
import { adminCli } from '../../support/admin-cli.js';
import { consoleClient } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { useOwnDynamoDb } from '../../support/own-dynamodb.js';
import { oktaUser, PATCH_OP, scimClient } from '../../support/scim-client.js';
import { seedConsistentCompany } from '../../support/seed-company.js';
import { consistencyProblems, problemsIn } from '../../support/table-consistency.js';
import { tenantItems, type StoredItem } from '../../support/table-scan.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
const cli = adminCli();
let leaving: TestTenant;
let staying: TestTenant;
let stayingBefore: StoredItem[];
let storedBefore: number;

const byType = (items: StoredItem[]) => items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [String(item.type)]: (counts[String(item.type)] ?? 0) + 1 }), {});

/** Some of everything a real company has, through the API: members with a manager, a hidden member, a group, a console session. */
async function useLikeACompany(tenant: TestTenant) {
  const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const boss = await scim.post('/Users', oktaUser(`boss@${tenant.domain}`));
  const report = await scim.post('/Users', oktaUser(`report@${tenant.domain}`, { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: boss.body.id } } }));
  const gone = await scim.post('/Users', oktaUser(`gone@${tenant.domain}`, { externalId: 'gone-1' }));
  expect([boss.status, report.status, gone.status]).toEqual([201, 201, 201]);
  const team = await scim.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Team', members: [{ value: boss.body.id }, { value: gone.body.id }] });
  expect(team.status).toBe(201);
  await scim.patch(`/Users/${gone.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { title: 'Leaving' } }] });
  expect((await scim.delete(`/Users/${gone.body.id}`)).status).toBe(204);
  // What the stream consumer does with the deletion's record (no poller here): the inactivity clock.
  await keepInactivityClock(undefined, (await getTeamMember(tenant.tenantId, gone.body.id))!);
  const browser = consoleClient(api.baseUrl);
  const form = await browser.get(`/console/sign-in?company=${tenant.tenantId}`);
  await browser.post('/console/sign-in/admin-token', { csrf: browser.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next: '/console/admin/settings' });
}

let ownDynamoDb: Awaited<ReturnType<typeof useOwnDynamoDb>> | undefined;

beforeAll(async () => {
  // Tens of thousands of items: in a DynamoDB Local of their own, later files' whole-table scans stay fast.
  ownDynamoDb = await useOwnDynamoDb();
  api = await startTestApi();
  leaving = await createTestTenant('leaving.example', 'Leaving Co');
  staying = await createTestTenant('staying.example', 'Staying Co');
  await seedConsistentCompany(leaving.tenantId, leaving.domain, { members: 5_000, groups: 500 });
  await useLikeACompany(leaving);
  await useLikeACompany(staying);
  stayingBefore = await tenantItems(staying.tenantId);
}, 600_000);
afterAll(async () => {
  await api?.stop();
  await ownDynamoDb?.stop();
  cli.cleanup();
});

describe('companies delete', () => {
  it('counts, on a dry run, every item of the company by type, and deletes nothing', async () => {
    const stored = await tenantItems(leaving.tenantId);
    storedBefore = stored.length;
    expect(problemsIn(leaving.tenantId, stored)).toEqual([]);
    const types = byType(stored);
    // Every kind of item a company has is there, so the delete below is tested on all of them.
    for (const type of ['Tenant', 'Connection', 'Token', 'Session', 'TeamMember', 'InactiveMember', 'UniqueMarker', 'Edge', 'MemberHistory', 'ImportRecord', 'Group', 'Membership', 'Counter']) {
      expect(types[type], type).toBeGreaterThan(0);
    }
    expect(types.TeamMember).toBe(5_003);
    expect(types.Group).toBe(501);

    const dryRun = await cli.run(['companies', 'delete', leaving.tenantId, '--dry-run']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain(`Would delete for ${leaving.tenantId}: ${stored.length} items`);
    for (const [type, count] of Object.entries(types)) expect(dryRun.stdout).toMatch(new RegExp(`^\\s+${type}\\s+${count}$`, 'm'));

    const unconfirmed = await cli.run(['companies', 'delete', leaving.tenantId]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain(`Nothing was deleted: add --yes to delete these ${stored.length} items`);
  }, 600_000);

  it('stopped part-way, leaves the company suspended with the rest findable; run again, it leaves nothing of it and every item of another company as it was', async () => {
    // Nothing was deleted by the dry run or the unconfirmed delete.
    expect((await tenantItems(leaving.tenantId)).length).toBe(storedBefore);
    const stopped = await cli.run(['companies', 'delete', leaving.tenantId, '--yes', '--stop-after-batches', '300']);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).toMatch(/^Stopped after 300 batches \(\d+ items deleted\)\. Run "companies delete .* --yes" again to finish\.$/m);
    const left = await tenantItems(leaving.tenantId);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(storedBefore);
    expect(left.find((item) => item.type === 'Tenant')?.suspendedAt).toBeTruthy();
    // Suspended, or its token already gone: refused either way.
    const refused = await scimClient(`${api.baseUrl}/scim/v2`, leaving.scimToken).get('/Users');
    expect([401, 403]).toContain(refused.status);

    const finished = await cli.run(['companies', 'delete', leaving.tenantId, '--yes']);
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stderr).toMatch(/… \d+ items deleted/); // progress, on a long delete
    expect(finished.stdout).toContain(`Final check: nothing of ${leaving.tenantId} remains.`);
    expect(await tenantItems(leaving.tenantId)).toEqual([]);

    expect(await tenantItems(staying.tenantId)).toEqual(stayingBefore);
    expect(await consistencyProblems(staying.tenantId)).toEqual([]);
    expect((await scimClient(`${api.baseUrl}/scim/v2`, staying.scimToken).get('/Users')).body.totalResults).toBe(2);
    expect((await scimClient(`${api.baseUrl}/scim/v2`, leaving.scimToken).get('/Users')).status).toBe(401);

    const again = await cli.run(['companies', 'delete', leaving.tenantId, '--dry-run']);
    expect(again.stdout.trim()).toBe(`Nothing of ${leaving.tenantId} is stored.`);
  }, 900_000);
});
