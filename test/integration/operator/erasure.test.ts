import '../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCli } from '../../support/admin-cli.js';
import { adminClient, type AdminClient } from '../../support/admin-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { erasablePerson, personalValuesLeft as valuesLeftIn, type PersonalValues } from '../../support/erasable-person.js';
import { oktaUser, scimClient, type ScimClient } from '../../support/scim-client.js';
import { consistencyProblems } from '../../support/table-consistency.js';
import { tenantItems } from '../../support/table-scan.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';
import type { StreamPoller } from '../../../infra/local/stream-poller.js';
import { startTestStreamPoller } from '../../support/stream.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
const cli = adminCli();
let tenant: TestTenant;
let scim: ScimClient;
let admin: AdminClient;

let poller: StreamPoller;

beforeAll(async () => {
  api = await startTestApi();
  poller = startTestStreamPoller();
  tenant = await createTestTenant('erasing.example', 'Erasing Co');
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
});
afterAll(async () => {
  await poller?.stop();
  await api?.stop();
  cli.cleanup();
});

const person = (local: string) => erasablePerson(scim, poller, 'erasing.example', local);
const personalValuesLeft = (values: PersonalValues) => valuesLeftIn(tenant.tenantId, values);

describe('erasing one person', () => {
  it('through the admin API: no personal value left in any item, history redacted, markers released, counts consistent, SCIM 404', async () => {
    const { id, values, groupId } = await person('ada');
    expect(await personalValuesLeft(values)).not.toEqual([]);
    const before = (await scim.get('/Users?count=1')).body.totalResults as number;

    const erased = await admin.post(`/team-members/${id}/erase`, {});
    expect(erased.status).toBe(204);
    // The stream's records of the deletion and the erasure: nothing it writes brings a value back.
    await poller.drain();

    expect(await personalValuesLeft(values)).toEqual([]);
    expect((await scim.get(`/Users/${id}`)).status).toBe(404);
    expect((await scim.get('/Users?count=1')).body.totalResults).toBe(before - 1);
    expect((await scim.get(`/Groups/${groupId}`)).body.members ?? []).toEqual([]);
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);
    const history = (await tenantItems(tenant.tenantId)).filter((item) => item.type === 'MemberHistory' && item.memberId === id);
    expect(history.length).toBeGreaterThan(0);
    for (const entry of history) for (const change of entry.changes as Array<{ from: unknown; to: unknown }>) expect(change).toMatchObject({ from: '[erased]', to: '[erased]' });
    // Its userName and externalId are free again.
    expect((await scim.post('/Users', oktaUser(values.userName, { externalId: values.externalId }))).status).toBe(201);
    // Again: nothing to do, no error.
    expect((await admin.post(`/team-members/${id}/erase`, {})).status).toBe(204);
    expect((await admin.post('/team-members/no-such-member/erase', {})).status).toBe(404);
  });

  it('through the CLI, of a member already deleted over SCIM', async () => {
    const { id, values } = await person('bob');
    expect((await scim.delete(`/Users/${id}`)).status).toBe(204);
    expect(await personalValuesLeft(values)).not.toEqual([]); // deleting hides, it does not erase

    const erased = await cli.run(['members', 'erase', tenant.tenantId, id]);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain(`Team member ${id} of ${tenant.tenantId} is erased`);
    await poller.drain();
    expect(await personalValuesLeft(values)).toEqual([]);
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);

    const unknown = await cli.run(['members', 'erase', tenant.tenantId, 'no-such-member']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`${tenant.tenantId} has no team member no-such-member.`);
  });
});
