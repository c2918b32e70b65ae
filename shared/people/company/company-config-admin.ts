import { conflict, notFound, RosterError } from '../../errors.js';
import { loadCompanyConfig, saveConfigItem, deleteConfigItem, swapAssignmentPriorities, type Assignment, type CompanyConfig, type Grant, type SeatType, type Workspace } from '../../store/company-config.js';
import { getGroups } from '../../store/groups.js';
import { readMemberIds } from '../../store/memberships.js';
import { newId } from '../ids.js';
import { companyState, refreshEffectiveSettings } from './refresh-effective-settings.js';
import type { AssignmentInput, SeatTypeInput, WorkspaceInput } from './settings-model.js';

/**
 * Seat types, workspaces (with permission profiles) and assignments of a company, as the tech
 * admin edits them. Every reference is checked; a changed assignment re-evaluates the members of
 * the groups it covers (automatic assignments follow, manual ones keep what they applied).
 */
export const getCompanyConfig = (tenantId: string) => loadCompanyConfig(tenantId);

export async function getAssignment(tenantId: string, id: string): Promise<Assignment> {
  return findOrFail((await loadCompanyConfig(tenantId)).assignments, id, 'Assignment');
}

export async function createSeatType(tenantId: string, input: SeatTypeInput): Promise<SeatType> {
  const seat: SeatType = { id: newId(), ...input, inUse: 0 };
  await saveConfigItem(tenantId, 'seat', seat, { create: true });
  return seat;
}

export async function updateSeatType(tenantId: string, id: string, input: SeatTypeInput): Promise<SeatType> {
  if (!(await saveConfigItem(tenantId, 'seat', { id, ...input, inUse: 0 } as SeatType, { create: false }))) throw notFound(`Seat type ${id} not found.`);
  return findOrFail((await loadCompanyConfig(tenantId)).seatTypes, id, 'Seat type');
}

export async function createWorkspace(tenantId: string, input: WorkspaceInput): Promise<Workspace> {
  const config = await loadCompanyConfig(tenantId);
  const workspace: Workspace = { id: newId(), ...input };
  checkSeatReferences(config, workspace.permissionProfiles.flatMap((profile) => (profile.requiresSeatTypeId ? [profile.requiresSeatTypeId] : [])));
  await saveConfigItem(tenantId, 'workspace', workspace, { create: true });
  return workspace;
}

export async function updateWorkspace(tenantId: string, id: string, input: WorkspaceInput): Promise<Workspace> {
  const config = await loadCompanyConfig(tenantId);
  const workspace: Workspace = { id, ...input };
  checkSeatReferences(config, workspace.permissionProfiles.flatMap((profile) => (profile.requiresSeatTypeId ? [profile.requiresSeatTypeId] : [])));
  if (!(await saveConfigItem(tenantId, 'workspace', workspace, { create: false }))) throw notFound(`Workspace ${id} not found.`);
  return workspace;
}

export async function createAssignment(tenantId: string, input: AssignmentInput): Promise<Assignment> {
  const assignment: Assignment = { id: newId(), ...input };
  await checkAssignment(tenantId, assignment);
  await saveConfigItem(tenantId, 'assignment', assignment, { create: true });
  await reevaluateGroups(tenantId, assignment.groupIds);
  return assignment;
}

export async function updateAssignment(tenantId: string, id: string, input: AssignmentInput): Promise<Assignment> {
  const previous = findOrFail((await loadCompanyConfig(tenantId)).assignments, id, 'Assignment');
  const assignment: Assignment = { id, ...input };
  await checkAssignment(tenantId, assignment);
  if (!(await saveConfigItem(tenantId, 'assignment', assignment, { create: false }))) throw notFound(`Assignment ${id} not found.`);
  await reevaluateGroups(tenantId, [...new Set([...previous.groupIds, ...assignment.groupIds])]);
  return assignment;
}

export async function deleteAssignment(tenantId: string, id: string): Promise<void> {
  const previous = findOrFail((await loadCompanyConfig(tenantId)).assignments, id, 'Assignment');
  if (!(await deleteConfigItem(tenantId, 'assignment', id))) throw notFound(`Assignment ${id} not found.`);
  await reevaluateGroups(tenantId, previous.groupIds);
}

/**
 * Moves an assignment one place up (earlier: it wins over the one before it) or down, by swapping
 * priorities with its neighbour; the members of both are re-evaluated. At the top or the bottom,
 * nothing changes.
 */
export async function moveAssignment(tenantId: string, id: string, direction: 'up' | 'down'): Promise<void> {
  const { assignments } = await loadCompanyConfig(tenantId);
  const index = assignments.findIndex((candidate) => candidate.id === id);
  if (index < 0) throw notFound(`Assignment ${id} not found.`);
  const neighbour = assignments[direction === 'up' ? index - 1 : index + 1];
  if (!neighbour) return;
  const moved = assignments[index]!;
  if (!(await swapAssignmentPriorities(tenantId, moved, neighbour))) throw conflict('The assignments were reordered meanwhile; reload them and try again.');
  await reevaluateGroups(tenantId, [...new Set([...moved.groupIds, ...neighbour.groupIds])]);
}

/** Checks that what a grant names exists: seat types, workspaces and their permission profiles. */
export function checkGrant(config: CompanyConfig, grant: Grant): void {
  checkSeatReferences(config, grant.seatTypeIds);
  for (const [workspaceId, profileId] of Object.entries(grant.permissions)) {
    const workspace = config.workspaces.find((candidate) => candidate.id === workspaceId);
    if (!workspace) throw invalidReference(`Unknown workspace ${workspaceId}.`);
    if (!workspace.permissionProfiles.some((profile) => profile.id === profileId)) {
      throw invalidReference(`Workspace ${workspace.name} has no permission profile ${profileId}.`);
    }
  }
}

const REEVALUATE_IN_PARALLEL = 8;

/** Re-evaluates the effective settings of every member of these groups. */
async function reevaluateGroups(tenantId: string, groupIds: string[]): Promise<void> {
  const state = await companyState(tenantId);
  const members = [...new Set((await Promise.all(groupIds.map((groupId) => readMemberIds(tenantId, groupId)))).flat())];
  for (let offset = 0; offset < members.length; offset += REEVALUATE_IN_PARALLEL) {
    await Promise.all(members.slice(offset, offset + REEVALUATE_IN_PARALLEL).map((memberId) => refreshEffectiveSettings(tenantId, memberId, state)));
  }
}

async function checkAssignment(tenantId: string, assignment: Assignment): Promise<void> {
  const config = await loadCompanyConfig(tenantId);
  checkGrant(config, assignment);
  const groups = await getGroups(tenantId, assignment.groupIds);
  const missing = assignment.groupIds.filter((groupId) => !groups.some((group) => group.id === groupId));
  if (missing.length) throw invalidReference(`Unknown group ${missing.join(', ')}: push the group from Okta first.`);
  const clash = config.assignments.find((other) => other.id !== assignment.id && other.priority === assignment.priority);
  if (clash) throw conflict(`Assignment "${clash.name}" already has priority ${assignment.priority}; priorities order assignments and must differ.`);
}

function checkSeatReferences(config: CompanyConfig, seatTypeIds: string[]): void {
  const unknown = seatTypeIds.filter((seatId) => !config.seatTypes.some((seat) => seat.id === seatId));
  if (unknown.length) throw invalidReference(`Unknown seat type ${unknown.join(', ')}.`);
}

function invalidReference(message: string): RosterError {
  return new RosterError(400, message, { code: 'invalid_reference' });
}

function findOrFail<T extends { id: string }>(items: T[], id: string, kind: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw notFound(`${kind} ${id} not found.`);
  return found;
}

