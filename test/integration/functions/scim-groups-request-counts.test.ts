import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamMember } from '../../../shared/people/members/team-members.js';
import { parseUserBody } from '../../../shared/scim/resources/user-input.js';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { startTestApi } from '../../support/http-stack.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SIZES = [1, 25, 100, 1_000];
let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
let tenant: TestTenant;
const userIds: string[] = [];

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const principal = { tenantId: tenant.tenantId, connectionId: tenant.connectionId, scope: 'scim' as const };
  // Members are created through the domain call POST /Users makes (faster than HTTP), 16 at a time.
  for (let offset = 0; offset < Math.max(...SIZES); offset += 16) {
    const batch = await Promise.all(
      Array.from({ length: 16 }, (_, index) => createTeamMember(principal, parseUserBody(oktaUser(`counted.u${offset + index}@${tenant.domain}`)))),
    );
    userIds.push(...batch.map((member) => member.id));
  }
}, 180_000);
afterAll(async () => api?.stop());

describe('DynamoDB requests of a group PATCH adding k members (target ⌈k/25⌉ + 2)', () => {
  it.each(SIZES)('k = %i', async (k) => {
    const group = (await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: `Counted ${k}` })).body.id;
    const body = { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: userIds.slice(0, k).map((value) => ({ value })) }] };
    const { result, count } = await countDynamoRequests(() => scim.patch(`/Groups/${group}`, body));
    expect(result.status).toBe(204);
    expect(count).toBeLessThanOrEqual(Math.ceil(k / 25) + 2);
    const members = (await scim.get(`/Groups/${group}`)).body.members;
    expect(members).toHaveLength(k);
  });
});
