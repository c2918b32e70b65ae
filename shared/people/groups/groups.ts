import type { Principal } from '../../auth/principal.js';
import { invalidValue, notFound, RosterError } from '../../errors.js';
import {
  getGroup,
  groupCreation,
  groupDeletion,
  groupTouch,
  groupUpdate,
  writeGroup,
  type GroupRecord,
} from '../../store/groups.js';
import { membershipState, readMemberIds, readMembers, type GroupMember, type MembershipChange, type MemberNameParts } from '../../store/memberships.js';
import { memberDisplay } from '../members/member-display.js';
import { newId } from '../ids.js';
import { writeExplainingConflicts } from '../write-conflicts.js';
import { actorOf } from '../actors.js';

/** A group as a writer describes it; `memberIds`, when present, is the complete member list. */
export interface GroupInput {
  displayName: string;
  externalId?: string;
  memberIds?: string[];
}

/** One step of a membership change; steps apply in order. */
export type MembershipStep =
  | { readonly kind: 'add'; readonly ids: string[] }
  | { readonly kind: 'remove'; readonly ids: string[] }
  | { readonly kind: 'replace'; readonly ids: string[] }
  | { readonly kind: 'removeAll' }
  | { readonly kind: 'removeMatching'; readonly matches: (memberId: string) => boolean };

/** A partial change: new attributes (both, when given) and membership steps, written together. */
export interface GroupChange {
  attributes?: { displayName: string; externalId?: string };
  memberSteps: MembershipStep[];
}

/**
 * Group push: groups and their exact membership. Membership is one edge per member; a change
 * writes only the members it changes, and reads the member list only when a step needs it.
 * Every member change bumps the group's version in the same transaction as its first edges.
 */
export async function createGroup(principal: Principal, input: GroupInput): Promise<{ group: GroupRecord; members: GroupMember[] }> {
  const now = new Date().toISOString();
  const group: GroupRecord = {
    tenantId: principal.tenantId,
    id: newId(),
    displayName: input.displayName,
    ...(input.externalId ? { externalId: input.externalId } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: principal.connectionId,
    updatedBy: principal.connectionId,
  };
  const memberIds = input.memberIds ?? [];
  const displays = await requireUsers(principal.tenantId, group.id, memberIds);
  await writeExplainingConflicts(groupNamed(group), () =>
    writeGroup(group.tenantId, group.id, groupCreation(group), { add: memberIds, remove: [], displays }, { by: actorOf(principal), at: now }),
  );
  return { group, members: memberIds.map((id) => ({ id, display: displays.get(id)! })) };
}

export async function getGroupOrFail(principal: Principal, id: string): Promise<GroupRecord> {
  const group = await getGroup(principal.tenantId, id);
  if (!group) throw notFound(`Group ${id} not found.`);
  return group;
}

/**
 * The most members one response carries. A Lambda response is at most 6 MB and a member entry
 * (value, $ref, type) about 130 bytes plus its display name, so a single GET returns at most
 * 40,000 members and 5.5 MB of member entries (about 33,000 members with names of 20 letters);
 * bigger groups answer 400 tooMany and are read with excludedAttributes=members (which is what
 * Okta does) or member filters.
 */
export const MAX_MEMBERS_IN_RESPONSE = 40_000;
const MAX_MEMBER_BYTES_IN_RESPONSE = 5_500_000;
const MEMBER_ENTRY_BYTES = 130;

export async function groupMembers(principal: Principal, id: string): Promise<GroupMember[]> {
  const members = await readMembers(principal.tenantId, id, MAX_MEMBERS_IN_RESPONSE);
  const bytes = members.reduce((sum, member) => sum + MEMBER_ENTRY_BYTES + (member.display === undefined ? 0 : Buffer.byteLength(JSON.stringify(member.display)) + 12), 0);
  if (members.length > MAX_MEMBERS_IN_RESPONSE || bytes > MAX_MEMBER_BYTES_IN_RESPONSE) {
    throw new RosterError(400, `Group ${id} has more members than one response can carry (at most ${MAX_MEMBERS_IN_RESPONSE}, and 5.5 MB of member entries); read it with excludedAttributes=members, or filter with members[value eq "…"].`, { scimType: 'tooMany' });
  }
  return members;
}

/**
 * Attributes replaced; `memberIds`, when present, is the complete new list (written as a
 * difference). `expectedVersion` makes the write conditional on the version the caller read.
 */
export async function replaceGroup(principal: Principal, previous: GroupRecord, input: GroupInput, expectedVersion: number | undefined): Promise<GroupRecord> {
  const { id } = previous;
  const next = nextVersion(principal, previous, input.displayName, input.externalId);
  const change = input.memberIds ? await difference(principal.tenantId, id, new Set(input.memberIds)) : { add: [], remove: [] };
  const displays = await requireUsers(principal.tenantId, id, change.add);
  await writeExplainingConflicts(groupNamed(next), () =>
    writeGroup(principal.tenantId, id, groupUpdate(previous, next, expectedVersion), { ...change, displays }, { by: actorOf(principal), at: next.updatedAt }),
  );
  return next;
}

/** A partial change, validated whole before anything is written; unchanged, it writes nothing. */
export async function changeGroup(principal: Principal, previous: GroupRecord, change: GroupChange, expectedVersion: number | undefined): Promise<GroupRecord> {
  const { id } = previous;
  const { attributes } = change;
  const members = await memberChange(principal.tenantId, id, change.memberSteps);
  const attributesChanged =
    attributes !== undefined && (attributes.displayName !== previous.displayName || attributes.externalId !== previous.externalId);
  if (!attributesChanged && !members.add.length && !members.remove.length) return previous;
  const next = nextVersion(principal, previous, attributes?.displayName ?? previous.displayName, attributes ? attributes.externalId : previous.externalId);
  const leading = attributesChanged
    ? groupUpdate(previous, next, expectedVersion)
    : { items: [groupTouch(principal.tenantId, id, next.updatedAt, next.updatedBy, expectedVersion)] };
  await writeExplainingConflicts(groupNamed(next), () => writeGroup(principal.tenantId, id, leading, members, { by: actorOf(principal), at: next.updatedAt }));
  return next;
}

/** DELETE: the group, its name and every membership edge (both sides) go. */
export async function deleteGroup(principal: Principal, group: GroupRecord, expectedVersion: number | undefined): Promise<void> {
  const members = await readMemberIds(principal.tenantId, group.id);
  await writeExplainingConflicts(groupNamed(group), () =>
    writeGroup(principal.tenantId, group.id, { items: groupDeletion(group, expectedVersion) }, { add: [], remove: members }, { by: actorOf(principal), at: new Date().toISOString() }),
  );
}

/**
 * Folds the member steps, in order, into the edges to add and remove. Adds of members already
 * there and removals of non-members drop out, so only real changes are written. The member list
 * is read once, and only when a step needs all of it.
 */
async function memberChange(tenantId: string, groupId: string, steps: MembershipStep[]): Promise<MembershipChange> {
  if (!steps.length) return { add: [], remove: [] };
  const needsAll = steps.some((step) => step.kind === 'replace' || step.kind === 'removeAll' || step.kind === 'removeMatching');
  const current = needsAll ? new Set(await readMemberIds(tenantId, groupId)) : undefined;
  let final = current ? new Set(current) : undefined;
  const added = new Set<string>();
  const removed = new Set<string>();
  for (const step of steps) {
    switch (step.kind) {
      case 'add':
        for (const id of step.ids) {
          if (final) final.add(id);
          else {
            added.add(id);
            removed.delete(id);
          }
        }
        break;
      case 'remove':
        for (const id of step.ids) {
          if (final) final.delete(id);
          else {
            removed.add(id);
            added.delete(id);
          }
        }
        break;
      case 'replace':
        final = new Set(step.ids);
        break;
      case 'removeAll':
        final = new Set();
        break;
      case 'removeMatching':
        for (const id of [...final!]) if (step.matches(id)) final!.delete(id);
        break;
    }
  }
  if (current && final) {
    const change = { add: [...final].filter((id) => !current.has(id)), remove: [...current].filter((id) => !final.has(id)) };
    return { ...change, displays: await requireUsers(tenantId, groupId, change.add) };
  }
  // Without the list: which touched ids are members, read in the same requests as the user check.
  const state = await membershipState(tenantId, groupId, { users: [...added], members: [...added, ...removed] });
  rejectUnknown([...added], state.users);
  return {
    add: [...added].filter((id) => !state.members.has(id)),
    remove: [...removed].filter((id) => state.members.has(id)),
    displays: displaysOf(state.users),
  };
}

const displaysOf = (users: ReadonlyMap<string, MemberNameParts>) => new Map([...users].map(([id, parts]) => [id, memberDisplay(parts)]));

async function difference(tenantId: string, groupId: string, wanted: Set<string>) {
  const current = new Set(await readMemberIds(tenantId, groupId));
  return { add: [...wanted].filter((id) => !current.has(id)), remove: [...current].filter((id) => !wanted.has(id)) };
}

/**
 * Unknown (or deleted) users in an add: 400 naming them, before anything is written. Returns the
 * display names of the users, read in the same requests.
 */
async function requireUsers(tenantId: string, groupId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const { users } = await membershipState(tenantId, groupId, { users: ids, members: [] });
  rejectUnknown(ids, users);
  return displaysOf(users);
}

function rejectUnknown(ids: string[], users: ReadonlyMap<string, unknown>): void {
  const unknown = ids.filter((id) => !users.has(id));
  if (unknown.length) {
    const shown = unknown.slice(0, 20).join(', ');
    throw invalidValue(`Unknown member id${unknown.length > 1 ? 's' : ''}: ${shown}${unknown.length > 20 ? ` and ${unknown.length - 20} more` : ''}. Nothing was changed.`, { unknownMemberIds: unknown });
  }
}

function nextVersion(principal: Principal, previous: GroupRecord, displayName: string, externalId: string | undefined): GroupRecord {
  const next: GroupRecord = { ...previous, displayName, version: previous.version + 1, updatedAt: new Date().toISOString(), updatedBy: principal.connectionId };
  if (externalId) next.externalId = externalId;
  else delete next.externalId;
  return next;
}

const groupNamed = (group: GroupRecord) => ({
  kind: 'Group' as const,
  id: group.id,
  unique: { displayName: group.displayName, externalId: group.externalId },
});
