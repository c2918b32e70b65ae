import '../../support/environment.js';
import '../../support/steady-state-caches.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDynamoRequests } from '../../../shared/store/client.js';
import { seedMemberEdges } from '../../../shared/store/memberships.js';
import { startTestApi } from '../../support/http-stack.js';
import { useOwnDynamoDb } from '../../support/own-dynamodb.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

const BIG = 100_000;
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
let api: Awaited<ReturnType<typeof startTestApi>>;
let scim: ScimClient;
let tenant: TestTenant;
const groups: Record<'small' | 'big', string> = { small: '', big: '' };
let newcomer: string;
let existing: string;

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
/** What Okta sends for one membership change: the rename op rides along with every update. */
const oktaMembershipPatch = (groupId: string, name: string, op: 'add' | 'remove', userId: string) =>
  patch(
    { op: 'replace', value: { id: groupId, displayName: name } },
    op === 'add' ? { op: 'add', path: 'members', value: [{ value: userId }] } : { op: 'remove', path: `members[value eq "${userId}"]` },
  );

let ownDynamoDb: Awaited<ReturnType<typeof useOwnDynamoDb>> | undefined;

beforeAll(async () => {
  // A hundred thousand edges: in a DynamoDB Local of their own, later files' whole-table scans stay fast.
  ownDynamoDb = await useOwnDynamoDb();
  api = await startTestApi();
  tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const [first, second] = await Promise.all([
    scim.post('/Users', oktaUser(`big.newcomer@${tenant.domain}`)),
    scim.post('/Users', oktaUser(`big.existing@${tenant.domain}`)),
  ]);
  newcomer = first.body.id;
  existing = second.body.id;
  for (const size of ['small', 'big'] as const) {
    const created = await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName: `${size} group`, members: [{ value: existing }] });
    groups[size] = created.body.id;
  }
  // The big group's other 99,999 members are seeded through the repository, in batches.
  await seedMemberEdges(tenant.tenantId, groups.big, Array.from({ length: BIG - 1 }, () => randomUUID()));
}, 600_000);
afterAll(async () => {
  await api?.stop();
  await ownDynamoDb?.stop();
});

describe(`a ${BIG.toLocaleString('en')}-member group costs what a 1-member group costs`, () => {
  it('GET with excludedAttributes=members', async () => {
    for (const size of ['small', 'big'] as const) {
      const { result, operations } = await countDynamoRequests(() => scim.get(`/Groups/${groups[size]}?excludedAttributes=members`));
      expect(result.status).toBe(200);
      expect(operations, size).toEqual(['GetItemCommand']);
    }
  });

  it('PATCH +1 member and PATCH −1 member (Okta’s shape, rename included)', async () => {
    const costs: Record<string, string[]> = {};
    for (const size of ['small', 'big'] as const) {
      const name = `${size} group`;
      const added = await countDynamoRequests(() => scim.patch(`/Groups/${groups[size]}`, oktaMembershipPatch(groups[size], name, 'add', newcomer)));
      expect(added.result.status).toBe(204);
      const removed = await countDynamoRequests(() => scim.patch(`/Groups/${groups[size]}`, oktaMembershipPatch(groups[size], name, 'remove', newcomer)));
      expect(removed.result.status).toBe(204);
      costs[`${size} add`] = added.operations;
      costs[`${size} remove`] = removed.operations;
    }
    expect(costs['big add']).toEqual(costs['small add']);
    expect(costs['big remove']).toEqual(costs['small remove']);
    // Read the group, check user + edge in one BatchGet, write one transaction: ⌈1/25⌉ + 2.
    expect(costs['big add']).toEqual(['GetItemCommand', 'BatchGetItemCommand', 'TransactWriteItemsCommand']);
    expect(costs['big remove']).toHaveLength(3);
  });

  it('answers a plain GET of a group too big for one response with 400 tooMany, not a broken response', async () => {
    const full = await scim.get(`/Groups/${groups.big}`);
    expect(full.status).toBe(400);
    expect(full.body).toMatchObject({ scimType: 'tooMany', detail: expect.stringContaining('excludedAttributes=members') });
    const small = await scim.get(`/Groups/${groups.small}`);
    expect(small.body.members).toHaveLength(1);
  });
});
