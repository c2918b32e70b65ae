import type { Principal } from '../../auth/principal.js';
import { invalidValue, notFound, RosterError } from '../../errors.js';
import { emitMetric } from '../../metrics.js';
import { applyProviderValues, NO_OWNERSHIP, withDerivedSources, type FieldOwnership } from '../../profile/field-ownership.js';
import { removeFromGroups } from '../../store/memberships.js';
import { putRejection } from '../../store/rejections.js';
import {
  getTeamMember,
  hideTeamMember,
  insertTeamMember,
  replaceTeamMember as writeReplacement,
  setTeamMemberActive as writeActive,
  VersionConflict,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { actorOf } from '../actors.js';
import { companySettings } from '../company/companies.js';
import { newId } from '../ids.js';
import { concurrentChange, writeExplainingConflicts } from '../write-conflicts.js';
import { resolveManager } from './manager-link.js';
import { ImportRejected } from './import-rejected.js';
import { DERIVED_FIELDS, readOwnedFields, writeOwnedFields } from './owned-fields.js';
import type { TeamMemberInput } from './profile-document.js';

/**
 * The team-member lifecycle a provider drives: create, read, replace, deactivate/reactivate,
 * delete (hide). Every write is conditional on the version read, so concurrent writers cannot
 * overwrite each other; uniqueness is claimed in the same transaction as the write.
 */
export async function createTeamMember(principal: Principal, input: TeamMemberInput): Promise<TeamMemberRecord> {
  const id = newId();
  const now = new Date().toISOString();
  const record: TeamMemberRecord = {
    tenantId: principal.tenantId,
    id,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: principal.connectionId,
    updatedBy: principal.connectionId,
    ...(await provisionedState(principal, id, input, NO_OWNERSHIP)),
    groupIds: [],
    effectiveVersion: 0,
    changedBy: actorOf(principal),
    changedAt: now,
  };
  await writeExplainingConflicts(memberNamed(record.id, input), () => insertTeamMember(record));
  emitMetric('Imports');
  return record;
}

export async function getTeamMemberOrFail(principal: Principal, id: string): Promise<TeamMemberRecord> {
  const member = await getTeamMember(principal.tenantId, id);
  if (!member || member.deletedAt) throw notFound(`User ${id} not found.`);
  return member;
}

/** The member as `input` says it is now, written only if it is still the `previous` version. */
export async function replaceTeamMember(principal: Principal, previous: TeamMemberRecord, input: TeamMemberInput): Promise<TeamMemberRecord> {
  const state = await provisionedState(principal, previous.id, input, previous.ownership);
  const at = new Date().toISOString();
  const next: TeamMemberRecord = {
    ...previous,
    ...state,
    version: previous.version + 1,
    updatedAt: at,
    updatedBy: principal.connectionId,
    changedBy: actorOf(principal),
    changedAt: at,
  };
  if (!input.externalId) delete next.externalId;
  // The state names a manager only when one resolves; the previous one must not survive the spread.
  if (!state.managerId) delete next.managerId;
  await writeExplainingConflicts(memberNamed(previous.id, input), () => writeReplacement(previous, next));
  return next;
}

/**
 * Deactivate or reactivate: one conditional update, nothing read first (providers do this to
 * many members at once). Only when the condition fails is the member read, to tell a missing
 * member (404) from a changed one (412).
 */
export async function setTeamMemberActive(principal: Principal, id: string, active: boolean, expectedVersion: number | undefined): Promise<TeamMemberRecord> {
  try {
    return await writeActive(principal.tenantId, id, {
      active,
      updatedAt: new Date().toISOString(),
      updatedBy: principal.connectionId,
      changedBy: actorOf(principal),
      expectedVersion,
    });
  } catch (error) {
    if (!(error instanceof VersionConflict)) throw error;
    await getTeamMemberOrFail(principal, id);
    throw concurrentChange('User', id);
  }
}

/**
 * Delete hides the member instead of destroying it: deactivated, out of lists and lookups, its
 * userName and externalId free for reuse, its record and history kept for audit. It leaves its
 * groups (a deactivated member, by contrast, keeps them: the provider may reactivate it).
 */
export async function deleteTeamMember(principal: Principal, previous: TeamMemberRecord, actor = actorOf(principal)): Promise<void> {
  let stillInGroups: string[] = [];
  const at = new Date().toISOString();
  await writeExplainingConflicts(memberNamed(previous.id, previous), async () => {
    stillInGroups = await hideTeamMember(previous, at, principal.connectionId, actor);
  });
  await removeFromGroups(principal.tenantId, previous.id, stillInGroups, { by: actor, at });
}

const memberNamed = (id: string, input: { userName: string; externalId?: string }) => ({
  kind: 'User' as const,
  id,
  unique: { userName: input.userName, externalId: input.externalId },
});

/**
 * What a provider write makes of a member: hand-set values kept where the provider sends nothing
 * (field ownership), then the profile rules and manager resolution.
 */
async function provisionedState(principal: Principal, id: string, input: TeamMemberInput, previousOwnership: FieldOwnership) {
  const { ownership, values } = applyProviderValues(previousOwnership, readOwnedFields(input.attributes));
  const attributes = structuredClone(input.attributes);
  writeOwnedFields(attributes, Object.fromEntries(Object.entries(values).filter(([field]) => ownership.sources[field] === 'manual')));
  return normalizedState(principal, id, { ...input, attributes }, ownership);
}

/**
 * The profile rules applied (or the import refused and the refusal recorded for the admin) and
 * the manager resolved: the same for provider writes and for hand edits.
 */
export async function normalizedState(principal: Principal, id: string, input: TeamMemberInput, ownership: FieldOwnership) {
  const company = await companySettings(principal.tenantId);
  if (!company) throw new RosterError(403, 'This company no longer exists.');
  // The profile rules bring the phone, country and time zone libraries (~250 KB, tens of ms to
  // load): only member writes need them, so they load on the first one, not at the function's init.
  const { normalizeTeamMemberProfile } = await import('./normalize-profile.js');
  let profile;
  try {
    profile = normalizeTeamMemberProfile(input, company);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    emitMetric('ImportsRejected', 1, { Rule: error.rule });
    await putRejection({
      tenantId: principal.tenantId,
      at: new Date().toISOString(),
      connectionId: principal.connectionId,
      userName: input.userName,
      ...(input.externalId ? { externalId: input.externalId } : {}),
      rule: error.rule,
      detail: error.detail,
    });
    throw invalidValue(error.detail);
  }
  const link = await resolveManager(principal.tenantId, id, profile.manager);
  return {
    userName: input.userName,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    active: input.active,
    identifiers: profile.identifiers,
    attributes: profile.attributes,
    resolved: { ...profile.resolved, managerResolution: link.managerResolution, issues: [...profile.resolved.issues, ...link.issues] },
    ...(link.managerId ? { managerId: link.managerId } : {}),
    awaiting: link.awaiting,
    ownership: withDerivedSources(ownership, DERIVED_FIELDS, readOwnedFields(profile.attributes)),
  };
}
