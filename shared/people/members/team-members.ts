import type { Principal } from '../../auth/principal.js';
import { conflict, invalidValue, notFound, preconditionFailed, RosterError } from '../../errors.js';
import { applyPatch } from '../../scim/patch/apply.js';
import { parseUserBody, type ParsedUser } from '../../scim/resources/user-input.js';
import { toScimUser } from '../../scim/resources/user-resource.js';
import { USER_RESOURCE_SCHEMA } from '../../scim/schema/resource-schemas.js';
import { readCount } from '../../store/counters.js';
import { removeFromGroups } from '../../store/memberships.js';
import {
  getTeamMember,
  hideTeamMember,
  insertTeamMember,
  replaceTeamMember,
  setTeamMemberActive,
  UniquenessConflict,
  VersionConflict,
  listTeamMembersByCursor,
  listTeamMembersByIndex,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { activationChange } from '../../scim/resources/user-activation.js';
import { findTeamMembersMatching } from '../../scim/resources/user-filter.js';
import { newId } from '../ids.js';
import { companySettings } from '../company/companies.js';
import { resolveManager } from './manager-link.js';
import { ImportRejected, normalizeTeamMemberProfile } from './normalize-profile.js';
import { putRejection } from '../../store/rejections.js';
import { applyProviderValues, NO_OWNERSHIP, type FieldOwnership } from '../../profile/field-ownership.js';
import { readOwnedFields, writeOwnedFields } from './owned-fields.js';
import type { ListQuery } from '../../scim/list-query.js';
import { listPage, type Page } from '../../scim/list-page.js';

/**
 * The team-member lifecycle Okta drives: create, read, replace, patch, deactivate/reactivate,
 * delete (hide), list. Every write is conditional on the version read, so concurrent writers
 * cannot overwrite each other; uniqueness is claimed in the same transaction as the write.
 */
export async function createTeamMember(principal: Principal, body: unknown): Promise<TeamMemberRecord> {
  const input = parseUserBody(body);
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
  };
  await translateConflicts(() => insertTeamMember(record), input);
  return record;
}

export async function getTeamMemberOrFail(principal: Principal, id: string): Promise<TeamMemberRecord> {
  const member = await getTeamMember(principal.tenantId, id);
  if (!member || member.deletedAt) throw notFound(`User ${id} not found.`);
  return member;
}

export async function replaceTeamMemberAttributes(
  principal: Principal,
  id: string,
  body: unknown,
  expectedVersion: number | undefined,
): Promise<TeamMemberRecord> {
  const previous = await getTeamMemberOrFail(principal, id);
  checkVersion(previous, expectedVersion);
  return writeReplacement(principal, previous, parseUserBody(body));
}

/**
 * PATCH. Okta's deactivate/reactivate (only `active` changes) is a single conditional update;
 * anything else is applied to the current resource in memory, validated like a PUT and written
 * as one conditional transaction, so a PATCH lands whole or not at all.
 */
export async function patchTeamMember(
  principal: Principal,
  id: string,
  body: unknown,
  expectedVersion: number | undefined,
  baseUrl: string,
): Promise<TeamMemberRecord> {
  const active = activationChange(body);
  if (active !== undefined) {
    try {
      return await setTeamMemberActive(principal.tenantId, id, {
        active,
        updatedAt: new Date().toISOString(),
        updatedBy: principal.connectionId,
        expectedVersion,
      });
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      await getTeamMemberOrFail(principal, id);
      throw preconditionFailed(`User ${id} has changed since the ETag in If-Match was read.`);
    }
  }
  const previous = await getTeamMemberOrFail(principal, id);
  checkVersion(previous, expectedVersion);
  const patched = applyPatch(toScimUser(previous, baseUrl), body, USER_RESOURCE_SCHEMA);
  return writeReplacement(principal, previous, parseUserBody(patched));
}

/**
 * DELETE hides the member instead of destroying it: deactivated, out of lists and lookups, its
 * userName and externalId free for reuse, its record and history kept for audit. It leaves its
 * groups (a deactivated member, by contrast, keeps them: Okta may reactivate it).
 */
export async function deleteTeamMember(principal: Principal, id: string, expectedVersion: number | undefined): Promise<void> {
  const previous = await getTeamMemberOrFail(principal, id);
  checkVersion(previous, expectedVersion);
  let stillInGroups: string[];
  try {
    stillInGroups = await hideTeamMember(previous, new Date().toISOString(), principal.connectionId);
  } catch (error) {
    if (error instanceof VersionConflict) throw concurrentChange(id);
    throw error;
  }
  await removeFromGroups(principal.tenantId, id, stillInGroups);
}

export function listTeamMembers(principal: Principal, query: ListQuery): Promise<Page<TeamMemberRecord>> {
  const { tenantId } = principal;
  return listPage(query, {
    matching: (filter) => findTeamMembersMatching(tenantId, filter),
    total: () => readCount(tenantId, 'users'),
    byCursor: (cursor, count) => listTeamMembersByCursor(tenantId, cursor, count),
    byIndex: (startIndex, count) => listTeamMembersByIndex(tenantId, startIndex, count),
  });
}

async function writeReplacement(principal: Principal, previous: TeamMemberRecord, input: ParsedUser): Promise<TeamMemberRecord> {
  const next: TeamMemberRecord = {
    ...previous,
    ...(await provisionedState(principal, previous.id, input, previous.ownership)),
    version: previous.version + 1,
    updatedAt: new Date().toISOString(),
    updatedBy: principal.connectionId,
  };
  if (!input.externalId) delete next.externalId;
  if (!next.managerId) delete next.managerId;
  await translateConflicts(() => replaceTeamMember(previous, next), input, previous.id);
  return next;
}

/**
 * What a SCIM write makes of a member: hand-set values kept where the provider sends nothing
 * (field ownership), then the profile rules and manager resolution.
 */
async function provisionedState(principal: Principal, id: string, input: ParsedUser, previousOwnership: FieldOwnership) {
  const { ownership, values } = applyProviderValues(previousOwnership, readOwnedFields(input.attributes));
  const attributes = structuredClone(input.attributes);
  writeOwnedFields(attributes, Object.fromEntries(Object.entries(values).filter(([field]) => ownership.sources[field] === 'manual')));
  return normalizedState(principal, id, { ...input, attributes }, ownership);
}

/**
 * The profile rules applied (or the import refused and the refusal recorded for the admin) and
 * the manager resolved: the same for provider writes and for hand edits.
 */
export async function normalizedState(principal: Principal, id: string, input: ParsedUser, ownership: FieldOwnership) {
  const company = await companySettings(principal.tenantId);
  if (!company) throw new RosterError(403, 'This company no longer exists.');
  let profile;
  try {
    profile = normalizeTeamMemberProfile(input, company);
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
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
    ownership,
  };
}

function checkVersion(member: TeamMemberRecord, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== member.version) {
    throw preconditionFailed(`User ${member.id} has changed since the ETag in If-Match was read (now version ${member.version}).`);
  }
}

async function translateConflicts(write: () => Promise<void>, input: ParsedUser, id?: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof UniquenessConflict) {
      throw conflict(
        error.attribute === 'userName'
          ? `A user with userName "${input.userName}" already exists.`
          : `A user with externalId "${input.externalId}" already exists.`,
      );
    }
    if (error instanceof VersionConflict) throw concurrentChange(id ?? 'new user');
    throw error;
  }
}

function concurrentChange(id: string): RosterError {
  return preconditionFailed(`User ${id} was changed by another request at the same time; read it again and retry.`);
}
