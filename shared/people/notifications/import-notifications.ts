import { config } from '../../config.js';
import { mapLimited } from '../../parallel.js';
import { recordImport, recordNotQueued } from '../../store/import-records.js';
import { digestAdditionSize, queueNotification, queueNotificationsTogether, type DigestAddition } from '../../store/manager-digests.js';
import { getTeamMembers, type TeamMemberRecord } from '../../store/team-members.js';
import { getTenant, type TenantRecord } from '../../store/tenants.js';
import { MAX_TRANSACTION_ITEMS } from '../../store/transactions.js';
import { importTrigger, withinLateLinkWindow, type ImportTrigger } from './import-trigger.js';

/**
 * What the stream's half did with a member's change: nothing (no import, or handled before), queued
 * it for a manager's digest (due then), or recorded the import with the rule that left the manager
 * untold — in the member's import record, where the admin's view of the member reads it.
 */
export type ImportOutcome =
  | { outcome: 'none' | 'alreadyHandled' }
  | { outcome: 'queued'; managerId: string; dueAt: string }
  | { outcome: 'notQueued'; reason: NotQueuedReason };

/** Why an import queued no notification (the release has reasons of its own: DigestSkip). */
export type NotQueuedReason = 'settingOff' | 'memberInactive' | 'managerMissing' | 'lateLinkWindowPassed';

/** A member's change as the stream delivers it: the item before (none for an INSERT) and after. */
export interface MemberChangeImages {
  before: TeamMemberRecord | undefined;
  after: TeamMemberRecord;
}

/** The company's settings and its members' current items, when the caller has read them already. */
export interface KnownState {
  company: TenantRecord | undefined;
  /** The current items of (at least) the changed members, by id. */
  members: ReadonlyMap<string, TeamMemberRecord>;
}

/** Import records written at the same time (each its own conditional write). */
const RECORD_WRITES_AT_ONCE = 8;
/** Queueing transactions in flight at once. */
const TRANSACTIONS_AT_ONCE = 4;

/**
 * The stream's half of "notify direct managers when a new team member is imported": on an import
 * (or a late manager link), queue the member for its manager's digest, due after the debounce and
 * outside the manager's weekend. Queueing is conditional on the member's import record, so a
 * repeated or late stream record queues nothing twice. Who actually gets mail is decided when the
 * digest is released (release-notifications.ts), from the state at that moment.
 */
export async function queueImportNotification(before: TeamMemberRecord | undefined, after: TeamMemberRecord, now: Date): Promise<ImportOutcome> {
  const [result] = await queueImportNotifications(after.tenantId, [{ before, after }], now);
  if ('error' in result!) throw result.error;
  return result!;
}

/**
 * queueImportNotification for the changes of different members of one company at once (a stream
 * batch): the company, the members' current items (the record may be a repeat: the state now
 * decides, not the image) and their managers are read together, and members of the same or other
 * managers are queued in as few transactions as fit (an import record each, each manager's digest
 * once). When a transaction fails — an import record says it was handled before, or anything
 * else — its members are queued one by one, so each gets its own outcome. Returns each change's
 * outcome, or the error that kept it from one, in the changes' order.
 */
export async function queueImportNotifications(
  tenantId: string,
  changes: MemberChangeImages[],
  now: Date,
  known?: KnownState,
): Promise<Array<ImportOutcome | { error: unknown }>> {
  const results: Array<ImportOutcome | { error: unknown }> = changes.map(() => ({ outcome: 'none' }));
  const triggered = changes.flatMap(({ before, after }, index) => {
    const trigger = importTrigger(before, after);
    return trigger ? [{ index, trigger, member: after }] : [];
  });
  // The import was recorded without a manager then; now it has one, too late to be news.
  const late = triggered.filter(({ trigger, member }) => trigger === 'linked' && !withinLateLinkWindow(member.createdAt, now));
  const timely = triggered.filter((change) => !late.includes(change));

  const untold: Array<{ index: number; memberId: string; reason: NotQueuedReason }> = [];
  const told: Told[] = [];
  try {
    const company = known ? known.company : timely.length ? await getTenant(tenantId) : undefined;
    const notifying = company?.notifyManagersOnImport === true;
    const current = notifying ? (known?.members ?? (await membersById(tenantId, timely.map(({ member }) => member.id)))) : new Map<string, TeamMemberRecord>();
    const present = (member: TeamMemberRecord | undefined) => (member?.active && !member.deletedAt ? member : undefined);
    const managerIds = timely.flatMap(({ member }) => present(current.get(member.id))?.managerId ?? []);
    const managers = managerIds.length ? await membersById(tenantId, managerIds) : new Map<string, TeamMemberRecord>();
    for (const { index, trigger, member: image } of timely) {
      const member = current.get(image.id);
      const manager = present(member)?.managerId ? managers.get(member!.managerId!) : undefined;
      if (manager) told.push({ index, trigger, memberId: image.id, manager });
      else if (trigger !== 'linked') {
        untold.push({ index, memberId: image.id, reason: !notifying ? 'settingOff' : !present(member) ? 'memberInactive' : 'managerMissing' });
      }
    }
  } catch (error) {
    for (const { index } of timely) results[index] = { error };
  }

  const at = now.toISOString();
  const recordWrites = [
    ...late.map(({ index, member }) => async () => {
      results[index] = (await recordNotQueued(tenantId, member.id, 'lateLinkWindowPassed', at)) ? { outcome: 'notQueued', reason: 'lateLinkWindowPassed' } : { outcome: 'none' };
    }),
    ...untold.map(({ index, memberId, reason }) => async () => {
      results[index] = (await recordImport(tenantId, memberId, at, reason)) ? { outcome: 'notQueued', reason } : { outcome: 'alreadyHandled' };
    }),
  ];
  await mapLimited(recordWrites, RECORD_WRITES_AT_ONCE, (write, index) =>
    write().catch((error: unknown) => {
      results[(index < late.length ? late[index]! : untold[index - late.length]!).index] = { error };
    }),
  );
  await queueForManagers(tenantId, told, now, results);
  return results;
}

/** A member to queue for its manager's digest. */
interface Told {
  index: number;
  trigger: ImportTrigger;
  memberId: string;
  manager: TeamMemberRecord;
}

async function membersById(tenantId: string, ids: string[]): Promise<Map<string, TeamMemberRecord>> {
  return new Map((await getTeamMembers(tenantId, [...new Set(ids)], { consistent: true })).map((member) => [member.id, member]));
}

/** Queues the members in transactions of up to 100 items, each failed one again member by member. */
async function queueForManagers(tenantId: string, told: Told[], now: Date, results: Array<ImportOutcome | { error: unknown }>): Promise<void> {
  if (!told.length) return;
  const { NOTIFY_DEBOUNCE_SECONDS, NOTIFY_MAX_WAIT_SECONDS } = config();
  // The schedule's time zone and weekend rules bring luxon (~70 KB): only queued notifications need
  // them, so they load with the first, not at the function's init.
  const { notificationTimes } = await import('./notification-schedule.js');
  const byManager = new Map<string, { addition: DigestAddition; members: Told[] }[]>();
  for (const entry of told) {
    const { manager } = entry;
    const parts = byManager.get(manager.id) ?? [];
    let part = parts.at(-1);
    // One manager's members fill a transaction at most (its digest is one of the items).
    if (!part || digestAdditionSize(part.addition) >= MAX_TRANSACTION_ITEMS) {
      const times = notificationTimes(
        now,
        { locale: manager.attributes.locale as string | undefined, timeZone: manager.resolved.resolvedTimeZone },
        { debounceSeconds: NOTIFY_DEBOUNCE_SECONDS, maxWaitSeconds: NOTIFY_MAX_WAIT_SECONDS },
      );
      part = { addition: { tenantId, managerId: manager.id, at: now, ...times, members: [] }, members: [] };
      parts.push(part);
      byManager.set(manager.id, parts);
    }
    part.addition.members.push({ memberId: entry.memberId, mode: entry.trigger === 'linked' ? 'lateLink' : 'firstImport' });
    part.members.push(entry);
  }
  // The transactions touch different digests (a manager's members are split only past 99), so they run side by side.
  await mapLimited(packed([...byManager.values()].flat()), TRANSACTIONS_AT_ONCE, async (transaction) => {
    const together = await queueNotificationsTogether(transaction.map(({ addition }) => addition)).catch(() => false);
    for (const { addition, members } of transaction) {
      const { members: additionMembers, ...digest } = addition;
      for (const [position, entry] of members.entries()) {
        const queued = together || (await queueNotification({ ...digest, ...additionMembers[position]! }).catch((error: unknown) => ({ error })));
        results[entry.index] =
          typeof queued === 'object' ? queued : queued ? { outcome: 'queued', managerId: addition.managerId, dueAt: addition.dueAt.toISOString() } : { outcome: 'alreadyHandled' };
      }
    }
  });
}

/** Digest additions packed into transactions of at most 100 items, in order. */
function packed<T extends { addition: DigestAddition }>(parts: T[]): T[][] {
  const transactions: T[][] = [];
  let size = 0;
  for (const part of parts) {
    const partSize = digestAdditionSize(part.addition);
    if (!transactions.length || size + partSize > MAX_TRANSACTION_ITEMS) {
      transactions.push([]);
      size = 0;
    }
    transactions.at(-1)!.push(part);
    size += partSize;
  }
  return transactions;
}
