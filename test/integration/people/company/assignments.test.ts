import '../../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../../../support/admin-client.js';
import { startTestApi } from '../../../support/http-stack.js';
import { PATCH_OP, oktaUser, scimClient, type ScimClient } from '../../../support/scim-client.js';
import { startTestStreamPoller } from '../../../support/stream.js';
import { createTestTenant, type TestTenant } from '../../../support/tenant.js';

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
let api: Awaited<ReturnType<typeof startTestApi>>;
let poller: ReturnType<typeof startTestStreamPoller>;
let tenant: TestTenant;
let scim: ScimClient;
let admin: AdminClient;
let sequence = 0;

beforeAll(async () => {
  api = await startTestApi();
  poller = startTestStreamPoller();
  tenant = await createTestTenant();
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
});
afterAll(async () => {
  await poller?.stop();
  await api?.stop();
});

const user = async (overrides: Record<string, unknown> = {}) => {
  const response = await scim.post('/Users', oktaUser(`assigned.u${(sequence += 1)}@${tenant.domain}`, overrides));
  expect(response.status).toBe(201);
  return response.body.id as string;
};
const group = async (displayName: string) => (await scim.post('/Groups', { schemas: [GROUP_SCHEMA], displayName })).body.id as string;
const members = (groupId: string, op: 'add' | 'remove', ids: string[]) =>
  scim.patch(`/Groups/${groupId}`, {
    schemas: [PATCH_OP],
    Operations: op === 'add' ? [{ op, path: 'members', value: ids.map((value) => ({ value })) }] : ids.map((id) => ({ op, path: `members[value eq "${id}"]` })),
  });
const settingsOf = async (id: string) => {
  await poller.drain();
  return (await admin.get(`/team-members/${id}`)).body.effectiveSettings;
};

describe('assignments and effective settings', () => {
  it('gives group members the assignment’s seats, permissions and data capture; automatic follows the groups, manual keeps', async () => {
    const seat = (await admin.post('/seats', { name: 'Recorder', total: 10, capabilities: ['dataCapture'] })).body;
    const workspace = (await admin.post('/workspaces', { name: 'Main', permissionProfiles: [{ id: 'seller', name: 'Seller', requiresSeatTypeId: seat.id }, { id: 'viewer', name: 'Viewer' }] })).body;
    const [salesGroup, supportGroup] = [await group('Assigned Sales'), await group('Assigned Support')];
    const sales = await admin.post('/assignments', {
      name: 'Sales', groupIds: [salesGroup], seatTypeIds: [seat.id], permissions: { [workspace.id]: 'seller' },
      dataCapture: { webConferences: 'record', telephonyCalls: true }, updateMode: 'automatic', priority: 1,
    });
    expect(sales.status).toBe(201);
    await admin.post('/assignments', {
      name: 'Support', groupIds: [supportGroup], seatTypeIds: [seat.id], permissions: { [workspace.id]: 'viewer' },
      dataCapture: { calendarMeetings: true }, updateMode: 'manual', priority: 2,
    });

    const [seller, helper] = [await user(), await user()];
    expect(await settingsOf(seller)).toMatchObject({ assignmentId: 'default', heldSeatTypeIds: [], dataCaptureActive: false });

    await members(salesGroup, 'add', [seller]);
    await members(supportGroup, 'add', [helper]);
    expect(await settingsOf(seller)).toMatchObject({
      assignmentId: sales.body.id, updateMode: 'automatic', requestedSeatTypeIds: [seat.id], heldSeatTypeIds: [seat.id], permissions: { [workspace.id]: 'seller' }, dataCaptureActive: true, capabilities: ['dataCapture'],
    });
    expect(await settingsOf(helper)).toMatchObject({ updateMode: 'manual', heldSeatTypeIds: [seat.id], permissions: { [workspace.id]: 'viewer' } });
    expect((await admin.get('/seats')).body.seats[0].inUse).toBe(2);

    await members(salesGroup, 'remove', [seller]);
    await members(supportGroup, 'remove', [helper]);
    expect(await settingsOf(seller)).toMatchObject({ assignmentId: 'default', heldSeatTypeIds: [], permissions: {}, dataCaptureActive: false });
    expect(await settingsOf(helper)).toMatchObject({ updateMode: 'manual', heldSeatTypeIds: [seat.id], permissions: { [workspace.id]: 'viewer' } });
    expect((await admin.get('/seats')).body.seats[0].inUse).toBe(1);

    await scim.patch(`/Users/${helper}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    expect(await settingsOf(helper)).toMatchObject({ heldSeatTypeIds: [] });
    expect((await admin.get('/seats')).body.seats[0].inUse).toBe(0);
    await scim.patch(`/Users/${helper}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: true } }] });
    expect(await settingsOf(helper)).toMatchObject({ heldSeatTypeIds: [seat.id] });
  });

  it('never exceeds a seat total under 20 concurrent imports, and flags the shortage', async () => {
    // A company of its own: no earlier member may hold one of these seats.
    const company = await createTestTenant();
    const scim = scimClient(`${api.baseUrl}/scim/v2`, company.scimToken);
    const admin = adminClient(`${api.baseUrl}/admin/v1`, company.adminToken);
    const user = async () => (await scim.post('/Users', oktaUser(`scarce.u${(sequence += 1)}@${company.domain}`))).body.id as string;
    const { body: settings } = await admin.get('/settings');
    const seat = (await admin.post('/seats', { name: 'Scarce', total: 10, capabilities: ['dataCapture'] })).body;
    expect((await admin.put('/settings', { ...settings, defaultAssignment: { seatTypeIds: [seat.id], permissions: {}, dataCapture: { telephonyCalls: true } } })).status).toBe(200);
    const ids = await Promise.all(Array.from({ length: 20 }, () => user()));
    await poller.drain();
    const effective = await Promise.all(ids.map(async (id) => (await admin.get(`/team-members/${id}`)).body.effectiveSettings));
    expect(effective.filter((settings) => settings.heldSeatTypeIds.includes(seat.id)), JSON.stringify(effective)).toHaveLength(10);
    expect(effective.filter((settings) => settings.seatShortage.includes(seat.id))).toHaveLength(10);
    expect((await admin.get('/seats')).body.seats.find((candidate: { id: string }) => candidate.id === seat.id).inUse).toBe(10);
    const errors = (await admin.get('/import-errors')).body;
    expect(errors.flaggedTeamMembers.filter((member: { flags: string[] }) => member.flags.some((flag) => flag.startsWith('seatShortage')))).toHaveLength(10);
  });

  it('flags members an automatic assignment governs without a manager email, for the admin', async () => {
    const [autoGroup, manualGroup] = [await group('No manager auto'), await group('No manager manual')];
    await admin.post('/assignments', { name: 'Auto, no manager', groupIds: [autoGroup], updateMode: 'automatic', priority: 60 });
    await admin.post('/assignments', { name: 'Manual, no manager', groupIds: [manualGroup], updateMode: 'manual', priority: 61 });
    const manager = await user();
    const managerName = (await scim.get(`/Users/${manager}`)).body.userName;
    const [orphan, managed, handKept] = [await user(), await user({ 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: managerName } }), await user()];
    await members(autoGroup, 'add', [orphan, managed]);
    await members(manualGroup, 'add', [handKept]);
    await settingsOf(orphan);

    const flagsOf = async (id: string) => (await admin.get(`/team-members/${id}`)).body.flags as string[];
    expect(await flagsOf(orphan)).toEqual([expect.stringMatching(/^managerEmail: none from Okta while an automatic assignment governs the member/)]);
    expect(await flagsOf(managed)).toEqual([]);
    expect(await flagsOf(handKept)).toEqual([]);
    const listed = (await admin.get('/import-errors')).body.flaggedTeamMembers.map((member: { id: string }) => member.id);
    expect(listed).toContain(orphan);
    expect(listed).not.toContain(managed);
    expect(listed).not.toContain(handKept);

    // Okta sending the manager email clears the flag.
    const current = (await scim.get(`/Users/${orphan}`)).body;
    await scim.put(`/Users/${orphan}`, { ...current, 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: managerName } });
    expect(await flagsOf(orphan)).toEqual([]);
  });

  it('refuses references to things that do not exist, with the admin error format', async () => {
    const response = await admin.post('/assignments', { name: 'Broken', groupIds: ['nope'], priority: 99 });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'invalid_reference', message: expect.stringContaining('nope') });
    const invalid = await admin.post('/seats', { name: '', total: -1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.length).toBeGreaterThan(0);
  });
});

describe('hand edits and managers toggling data capture', () => {
  it('applies the ownership rules to profile fields', async () => {
    const id = await user({ title: 'Engineer' });
    const provisioned = await admin.patch(`/team-members/${id}`, { profile: { title: 'Boss' } });
    expect(provisioned.status).toBe(409);
    expect(provisioned.body.error.code).toBe('field_locked');
    const first = await admin.patch(`/team-members/${id}`, { profile: { country: 'Israel' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.fields.country).toMatchObject({ value: 'IL', source: 'manual', editableByHand: false });
    expect(first.body.resolvedTimeZone).toBe('Asia/Jerusalem');
    expect((await admin.patch(`/team-members/${id}`, { profile: { country: 'France' } })).status).toBe(409);
  });

  it('owns an extension read out of a provider phone number as the number is: provisioned, not editable by hand', async () => {
    const id = await user({ phoneNumbers: [{ value: '(212) 575-1994 ext 3437', type: 'work', primary: true }] });
    const { body } = await admin.get(`/team-members/${id}`);
    expect(body.fields.primaryPhoneExtension).toMatchObject({ value: '3437', source: 'provider', editableByHand: false });
    const edit = await admin.patch(`/team-members/${id}`, { profile: { primaryPhoneExtension: '1' } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('field_locked');
    // An extension read out of a number set by hand is set by hand, hence locked too.
    const bare = await user();
    const handSet = await admin.patch(`/team-members/${bare}`, { profile: { phoneNumbers: [{ value: '(212) 575-1994 x12', type: 'work' }] } });
    expect(handSet.status, JSON.stringify(handSet.body)).toBe(200);
    expect(handSet.body.fields.primaryPhoneExtension).toMatchObject({ value: '12', source: 'manual', editableByHand: false });
  });

  it('lets only the active direct manager of a seated, non-automatic member toggle data capture, when allowed', async () => {
    const seat = (await admin.post('/seats', { name: 'Capture', total: 50, capabilities: ['dataCapture'] })).body;
    const manualGroup = await group('Manual capture');
    const autoGroup = await group('Auto capture');
    await admin.post('/assignments', { name: 'Manual', groupIds: [manualGroup], seatTypeIds: [seat.id], updateMode: 'manual', priority: 50, dataCapture: { webConferences: 'record' } });
    await admin.post('/assignments', { name: 'Auto', groupIds: [autoGroup], seatTypeIds: [seat.id], updateMode: 'automatic', priority: 51, dataCapture: { webConferences: 'record' } });
    const manager = await user();
    const managerName = (await scim.get(`/Users/${manager}`)).body.userName;
    const report = await user({ 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: managerName } });
    const governed = await user({ 'urn:ietf:params:scim:schemas:extension:roster:2.0:User': { managerEmail: managerName } });
    const stranger = await user();
    await members(manualGroup, 'add', [report]);
    await members(autoGroup, 'add', [governed]);
    await settingsOf(report);
    const toggle = (id: string, actingUserId?: string) =>
      admin.put(`/team-members/${id}/data-capture`, { ...(actingUserId ? { actingUserId } : {}), dataCapture: { webConferences: 'doNotRecord' } });

    const settings = (await admin.get('/settings')).body;
    await admin.put('/settings', { ...settings, managersCanToggleDataCapture: false });
    expect((await toggle(report, manager)).status).toBe(403);
    await admin.put('/settings', { ...(await admin.get('/settings')).body, managersCanToggleDataCapture: true });

    expect((await toggle(report, stranger)).status).toBe(403);
    expect((await toggle(governed, manager)).status).toBe(403);
    const allowed = await toggle(report, manager);
    expect(allowed.status).toBe(200);
    expect(allowed.body.effectiveSettings.dataCapture.webConferences).toBe('doNotRecord');
    expect((await toggle(report)).status).toBe(200);
    await scim.patch(`/Users/${manager}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    expect((await toggle(report, manager)).status).toBe(403);
  });
});

describe('import errors', () => {
  it('explains a foreign-domain rejection', async () => {
    await scim.post('/Users', oktaUser('someone@elsewhere.test'));
    const { body } = await admin.get('/import-errors');
    expect(body.rejectedImports[0]).toMatchObject({ userName: 'someone@elsewhere.test', rule: 'emailDomain', detail: expect.stringContaining(tenant.domain) });
  });
});
