import { describe, expect, it } from 'vitest';
import { eventually } from '../support/eventually.js';
import { useLocalStack } from '../support/local-stack-process.js';
import { PATCH_OP, oktaUser } from '../support/scim-client.js';

/**
 * The admin side against `npm start`: the demo company's seeded assignments ("Sales" automatic,
 * "Support" manual) applied to members Okta pushes into those groups.
 */
describe('assignments against `npm start`', () => {
  const local = useLocalStack();

  const settingsOf = (id: string, expected: Record<string, unknown>) =>
    eventually(async () => {
      const settings = (await local.admin.get(`/team-members/${id}`)).body.effectiveSettings;
      expect(settings).toMatchObject(expected);
      return settings;
    });
  const groupId = async (name: string) =>
    (await local.scim.get(`/Groups?filter=${encodeURIComponent(`displayName eq "${name}"`)}&excludedAttributes=members`)).body.Resources[0].id as string;
  const patchMembers = (group: string, op: 'add' | 'remove', id: string) =>
    local.scim.patch(`/Groups/${group}`, {
      schemas: [PATCH_OP],
      Operations: [op === 'add' ? { op, path: 'members', value: [{ value: id }] } : { op, path: `members[value eq "${id}"]` }],
    });

  it('applies the seeded assignments to members Okta pushes into Sales and Support', async () => {
    const { assignments } = (await local.admin.get('/assignments')).body;
    const salesAssignment = assignments.find((assignment: { name: string }) => assignment.name === 'Sales team');
    const recorder = (await local.admin.get('/seats')).body.seats.find((seat: { name: string }) => seat.name === 'Recorder');
    const [sales, support] = [await groupId('Sales'), await groupId('Support')];
    const seller = (await local.scim.post('/Users', oktaUser('sam.seller@example.com'))).body.id;
    const agent = (await local.scim.post('/Users', oktaUser('ada.agent@example.com'))).body.id;

    await patchMembers(sales, 'add', seller);
    await patchMembers(support, 'add', agent);
    await settingsOf(seller, { assignmentId: salesAssignment.id, updateMode: 'automatic', heldSeatTypeIds: [recorder.id], dataCaptureActive: true });
    const kept = await settingsOf(agent, { updateMode: 'manual' });
    // Okta sent no manager email for the seller, whom Sales governs automatically: flagged for the admin.
    expect((await local.admin.get(`/team-members/${seller}`)).body.flags).toContainEqual(expect.stringMatching(/^managerEmail: none from Okta/));
    expect((await local.admin.get(`/team-members/${agent}`)).body.flags).toEqual([]);

    await patchMembers(sales, 'remove', seller);
    await patchMembers(support, 'remove', agent);
    await settingsOf(seller, { assignmentId: 'default', heldSeatTypeIds: [], dataCaptureActive: false });
    await settingsOf(agent, { assignmentId: kept.assignmentId, permissions: kept.permissions });

    await patchMembers(sales, 'add', seller);
    await settingsOf(seller, { heldSeatTypeIds: [recorder.id] });
    await local.scim.patch(`/Users/${seller}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    await settingsOf(seller, { heldSeatTypeIds: [] });
    await eventually(async () => {
      expect((await local.admin.get('/seats')).body.seats.find((seat: { id: string }) => seat.id === recorder.id).inUse).toBe(0);
    });
  });

  it('never exceeds a seat total under 20 concurrent imports', async () => {
    const seat = (await local.admin.post('/seats', { name: 'Burst', total: 10, capabilities: ['dataCapture'] })).body;
    const settings = (await local.admin.get('/settings')).body;
    await local.admin.put('/settings', { ...settings, defaultAssignment: { seatTypeIds: [seat.id], permissions: {}, dataCapture: { telephonyCalls: true } } });
    const created = await Promise.all(Array.from({ length: 20 }, (_, index) => local.scim.post('/Users', oktaUser(`burst.b${index}@example.com`))));
    const ids = created.map((response) => response.body.id as string);
    const settled = await eventually(async () => {
      const all = await Promise.all(ids.map(async (id) => (await local.admin.get(`/team-members/${id}`)).body.effectiveSettings));
      expect(all.every((effective) => effective?.requestedSeatTypeIds.includes(seat.id))).toBe(true);
      return all;
    });
    // The demo's people under the default assignment compete for the same 10 seats as the burst.
    const holders = async () => {
      let held = 0;
      let cursor: string | undefined;
      do {
        const page = (await local.admin.get(`/team-members?count=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).body;
        held += page.teamMembers.filter((member: any) => member.effectiveSettings?.heldSeatTypeIds.includes(seat.id)).length;
        cursor = page.nextCursor;
      } while (cursor);
      return held;
    };
    expect(settled.filter((effective) => effective.heldSeatTypeIds.includes(seat.id)).length).toBeLessThanOrEqual(10);
    expect(await holders()).toBe(10);
    expect((await local.admin.get('/seats')).body.seats.find((candidate: { id: string }) => candidate.id === seat.id).inUse).toBe(10);
  });

  it('explains a foreign-domain rejection in GET /import-errors', async () => {
    expect((await local.scim.post('/Users', oktaUser('visitor@gmail.com'))).status).toBe(400);
    const { rejectedImports } = (await local.admin.get('/import-errors')).body;
    expect(rejectedImports[0]).toMatchObject({ userName: 'visitor@gmail.com', rule: 'emailDomain', detail: expect.stringContaining('example.com') });
  });
});
