import { randomUUID } from 'node:crypto';
import { adminClient } from '../support/admin-client.js';
import { oktaUser, PATCH_OP, scimClient } from '../support/scim-client.js';
import { createTestTenant } from '../support/tenant.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** A company the fuzzer aims at, with a little of everything, and the ids to aim with. */
export interface FuzzTenant {
  tenantId: string;
  domain: string;
  scimToken: string;
  adminToken: string;
  /** A SCIM token whose connection was deleted. */
  revokedToken: string;
  userIds: string[];
  groupIds: string[];
  seatIds: string[];
  workspaceIds: string[];
  assignmentIds: string[];
  /** Connections other than the SCIM token's own (the fuzzer may delete these). */
  spareConnectionIds: string[];
  /** Ids of admin tokens other than `adminToken` (the fuzzer may rotate and revoke these). */
  spareAdminTokenIds: string[];
}

/**
 * Two companies: `snapshot` only ever receives requests that must fail (its stored items are
 * compared before and after), `playground` receives anything, successes included.
 */
export interface FuzzFixture {
  snapshot: FuzzTenant;
  playground: FuzzTenant;
}

export async function createFuzzFixture(baseUrl: string): Promise<FuzzFixture> {
  const [snapshot, playground] = await Promise.all([seedTenant(baseUrl), seedTenant(baseUrl)]);
  return { snapshot, playground };
}

async function seedTenant(baseUrl: string): Promise<FuzzTenant> {
  const domain = `fuzz-${randomUUID().slice(0, 8)}.example`;
  const tenant = await createTestTenant(domain, 'Fuzz Co');
  const scim = scimClient(`${baseUrl}/scim/v2`, tenant.scimToken);
  const admin = adminClient(`${baseUrl}/admin/v1`, tenant.adminToken);
  const created = async (response: Promise<{ status: number; body: any; text: string }>, what: string): Promise<string> => {
    const { status, body, text } = await response;
    if (status !== 201) throw new Error(`fuzz fixture: creating ${what} answered ${status} ${text.slice(0, 300)}`);
    return String(body.id ?? body.connectionId);
  };

  const manager = await created(scim.post('/Users', oktaUser(`grace.hopper@${domain}`, { title: 'Rear Admiral' })), 'a manager');
  const report = await created(
    scim.post('/Users', oktaUser(`alan.turing@${domain}`, { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE], [ENTERPRISE]: { manager: { value: manager }, employeeNumber: 'E-1' } })),
    'a report',
  );
  const inactive = await created(scim.post('/Users', oktaUser(`ada.lovelace@${domain}`)), 'a user to deactivate');
  await scim.patch(`/Users/${inactive}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
  const hidden = await created(scim.post('/Users', oktaUser(`edsger.dijkstra@${domain}`)), 'a user to delete');
  await scim.delete(`/Users/${hidden}`);
  const group = await created(scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Fuzzers', externalId: 'grp-fuzz', members: [{ value: manager }, { value: report }] }), 'a group');
  // Spare users and a spare group, so the fuzzer's successful DELETEs leave some to PUT and PATCH.
  const spares = await Promise.all(Array.from({ length: 8 }, (_, index) => created(scim.post('/Users', oktaUser(`spare.user${index}@${domain}`)), 'a spare user')));
  const spareGroup = await created(scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: 'Spares', members: spares.slice(0, 3).map((value) => ({ value })) }), 'a spare group');

  const seat = await created(admin.post('/seats', { name: 'Recorder', total: 5, capabilities: ['dataCapture'] }), 'a seat type');
  const workspace = await created(admin.post('/workspaces', { name: 'Main', permissionProfiles: [{ id: 'viewer', name: 'Viewer' }] }), 'a workspace');
  const assignment = await created(
    admin.post('/assignments', { name: 'Fuzzers', priority: 1, groupIds: [group], seatTypeIds: [seat], permissions: { [workspace]: 'viewer' } }),
    'an assignment',
  );
  const spare = await created(admin.post('/connections', { name: 'Spare', source: 'custom' }), 'a connection');
  const doomed = await created(admin.post('/connections', { name: 'Doomed', source: 'okta' }), 'a connection to delete');
  const revoked = await admin.post(`/connections/${doomed}/tokens`, undefined);
  await admin.delete(`/connections/${doomed}`);
  const spareAdminTokens = await Promise.all(Array.from({ length: 3 }, () => created(admin.post('/admin-tokens', { days: 30 }), 'a spare admin token')));

  return {
    tenantId: tenant.tenantId,
    domain,
    scimToken: tenant.scimToken,
    adminToken: tenant.adminToken,
    revokedToken: String(revoked.body.token),
    userIds: [manager, report, inactive, hidden, ...spares],
    groupIds: [group, spareGroup],
    seatIds: [seat],
    workspaceIds: [workspace],
    assignmentIds: [assignment],
    spareConnectionIds: [spare, doomed],
    spareAdminTokenIds: spareAdminTokens,
  };
}
