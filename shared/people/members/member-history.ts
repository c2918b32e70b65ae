import { isDeepStrictEqual } from 'node:util';
import type { EffectiveSettings } from '../../store/company-config.js';
import { listMemberHistory, putHistoryEntries, type MemberHistoryEntry } from '../../store/member-history.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import { ROSTER_ACTOR } from '../actors.js';

export type { MemberHistoryEntry };

/** An entry before it is placed in a member's history (the member and the time are added then). */
export type HistoryEvent = Pick<MemberHistoryEntry, 'event' | 'changes'> & { detail?: Record<string, unknown> };

type Change = MemberHistoryEntry['changes'][number];

/** Never in a history, whatever an identity provider puts in a profile. */
const SECRET_FIELD = /password|secret|token|credential/i;

/** Profile attributes the history leaves out: `active` has events of its own, `schemas` is SCIM bookkeeping. */
const NOT_PROFILE = new Set(['active', 'schemas']);

/**
 * What one write of a team member changed, as history events, from the item before and after it
 * (the table stream's old and new images): created; profile fields with old and new value (secrets
 * never); activated, deactivated, deleted; groups joined and left; manager linked, changed or
 * unlinked; settings recomputed by Roster (assignment, seats held and short) or edited by hand
 * (data capture by a manager or an admin). Bookkeeping and derived values (version, identifiers,
 * field ownership) are not events.
 */
export function historyEvents(before: TeamMemberRecord | undefined, after: TeamMemberRecord): HistoryEvent[] {
  if (!before) {
    return [
      {
        event: 'created',
        changes: [
          change('userName', null, after.userName),
          change('active', null, after.active),
          ...(after.managerId ? [change('managerId', null, after.managerId)] : []),
          ...(after.groupIds.length ? [change('groupIds', null, after.groupIds)] : []),
        ],
      },
    ];
  }
  const events: HistoryEvent[] = [];
  const profile = profileChanges(before, after);
  if (profile.length) events.push({ event: 'profileChanged', changes: profile });
  if (!before.deletedAt && after.deletedAt) events.push({ event: 'deleted', changes: [change('active', before.active, false)] });
  else if (before.active !== after.active) events.push({ event: after.active ? 'activated' : 'deactivated', changes: [change('active', before.active, after.active)] });
  if (before.managerId !== after.managerId) {
    const event = !before.managerId ? 'managerLinked' : !after.managerId ? 'managerUnlinked' : 'managerChanged';
    events.push({ event, changes: [change('managerId', before.managerId ?? null, after.managerId ?? null)] });
  }
  const joined = after.groupIds.filter((id) => !before.groupIds.includes(id));
  const left = before.groupIds.filter((id) => !after.groupIds.includes(id));
  if (joined.length || left.length) {
    events.push({ event: 'groupsChanged', changes: [change('groupIds', before.groupIds, after.groupIds)], detail: { joined, left } });
  }
  const settings = settingsEvent(before.effective, after.effective, after.changedBy);
  if (settings) events.push(settings);
  return events;
}

function change(field: string, from: unknown, to: unknown): Change {
  return { field, from, to };
}

function profileChanges(before: TeamMemberRecord, after: TeamMemberRecord): Change[] {
  const changes: Change[] = [];
  if (before.userName !== after.userName) changes.push(change('userName', before.userName, after.userName));
  if (before.externalId !== after.externalId) changes.push(change('externalId', before.externalId ?? null, after.externalId ?? null));
  const old = flatten(before.attributes);
  const next = flatten(after.attributes);
  for (const field of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    if (field === 'userName' || field === 'externalId') continue;
    const from = old.get(field);
    const to = next.get(field);
    if (!isDeepStrictEqual(from, to)) changes.push(change(field, from ?? null, to ?? null));
  }
  return changes;
}

/** Profile attributes by dotted path (objects walked into, lists kept whole), secrets left out. */
function flatten(value: Record<string, unknown>, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [name, inner] of Object.entries(value)) {
    if (SECRET_FIELD.test(name) || (!prefix && NOT_PROFILE.has(name))) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) flatten(inner as Record<string, unknown>, path, into);
    else into.set(path, inner);
  }
  return into;
}

const SETTINGS_FIELDS = ['assignmentId', 'updateMode', 'seatTypeIds', 'seatShortage', 'permissions', 'dataCapture', 'dataCaptureActive'] as const;

function settingsEvent(before: EffectiveSettings | undefined, after: EffectiveSettings | undefined, actor: string | undefined): HistoryEvent | undefined {
  if (!after || isDeepStrictEqual(before, after)) return undefined;
  const changes = SETTINGS_FIELDS.filter((field) => !isDeepStrictEqual(before?.[field], after[field])).map((field) =>
    change(field === 'seatTypeIds' ? 'seatsHeld' : field, before?.[field] ?? null, after[field]),
  );
  if (!changes.length) return undefined;
  const byHand = actor !== undefined && actor !== ROSTER_ACTOR;
  if (byHand) {
    const onlyDataCapture = changes.every((entry) => entry.field === 'dataCapture' || entry.field === 'dataCaptureActive');
    return { event: onlyDataCapture ? 'dataCaptureChanged' : 'settingsEdited', changes };
  }
  return {
    event: 'settingsRecomputed',
    changes,
    detail: { assignmentId: after.assignmentId, seatsHeld: after.seatTypeIds, seatShortage: after.seatShortage },
  };
}

/** Who made the change an item image shows (items written before changedBy existed: their updatedBy). */
export function actorOfImage(member: TeamMemberRecord): string {
  return member.changedBy ?? member.updatedBy;
}

/**
 * Records `events` in the member's history at `at`, by `actor`. `cause` names what caused them (a
 * stream record's sequence number, a digest's release), so recording the same cause again — a
 * retried batch — overwrites the same entries instead of adding new ones.
 */
export async function recordHistory(member: { tenantId: string; memberId: string }, meta: HistoryMeta, events: HistoryEvent[]): Promise<void> {
  await recordHistories(member.tenantId, meta, events.map((event) => ({ memberId: member.memberId, event })));
}

/** recordHistory for events of several members of a company (written together, 25 per request). */
export async function recordHistories(tenantId: string, meta: HistoryMeta, events: Array<{ memberId: string; event: HistoryEvent }>): Promise<void> {
  await putHistoryEntries(historyEntries(tenantId, meta, events));
}

/** What, when, by whom and from what cause one change is recorded in a member's history. */
export interface MemberChangeHistory {
  tenantId: string;
  memberId: string;
  meta: HistoryMeta;
  events: HistoryEvent[];
}

/** recordHistory for many changes at once (a stream batch): all their entries in the same requests, 25 per request. */
export async function recordChangeHistories(changes: MemberChangeHistory[]): Promise<void> {
  await putHistoryEntries(changes.flatMap(({ tenantId, memberId, meta, events }) => historyEntries(tenantId, meta, events.map((event) => ({ memberId, event })))));
}

type HistoryMeta = { at: string; actor: string; cause: string };

function historyEntries(tenantId: string, { at, actor, cause }: HistoryMeta, events: Array<{ memberId: string; event: HistoryEvent }>) {
  return events.map(({ memberId, event }, index) => ({
    entry: { tenantId, memberId, at, actor, event: event.event, changes: event.changes, ...(event.detail ? { detail: event.detail } : {}) },
    unique: `${cause}#${String(index).padStart(4, '0')}`,
  }));
}

/** A member's history, newest first, a page at a time. */
export function memberHistoryPage(tenantId: string, memberId: string, page: { limit?: number; cursor?: string }) {
  return listMemberHistory(tenantId, memberId, page);
}
