import type { DynamoDBRecord } from 'aws-lambda';
import { log } from '../log.js';
import { emitMetric } from '../metrics.js';
import { mapLimited } from '../parallel.js';
import { redactMemberHistory } from '../store/erasure.js';
import { getTeamMembers, type TeamMemberRecord } from '../store/team-members.js';
import { loadCompanyConfig, type CompanyConfig } from '../store/company-config.js';
import { getTenant, type TenantRecord } from '../store/tenants.js';
import { ROSTER_ACTOR } from './actors.js';
import { refreshEffectiveSettingsOfMany } from './company/refresh-effective-settings.js';
import { linkReports, reportsWaitingFor } from './members/link-waiting-reports.js';
import { keepMemberDisplayOnEdges } from './members/member-display.js';
import { inactivityChange, keepInactivityClock } from './members/inactivity.js';
import { actorOfImage, historyEvents, recordChangeHistories, type HistoryEvent, type MemberChangeHistory } from './members/member-history.js';
import { importTrigger } from './notifications/import-trigger.js';
import { queueImportNotifications, type ImportOutcome, type KnownState } from './notifications/import-notifications.js';
import { StreamBatch, type MemberChange } from './stream-batch.js';

/** Members whose group-membership names are rewritten at the same time. */
const DISPLAY_REWRITES_AT_ONCE = 4;
/** Members whose inactivity clocks are written at the same time. */
const CLOCK_WRITES_AT_ONCE = 4;

/**
 * Reacts to team members written to the table (a batch of stream records, in order): writes what
 * changed into each member's history (with the actor the item names); brings effective settings
 * (seats, permissions, data capture) up to date when a member is imported, changes groups, or is
 * (de)activated or deleted; keeps the member's display name on its group memberships
 * (members.display); queues the manager's notification when the member was imported (or linked to
 * its manager late), by the clock `now` (tests drive it), and notes in the history whether it was
 * queued or why not; links reports that were waiting for a member who just arrived or gained
 * an identifier; and keeps the inactivity clocks the erasure after a company's retention reads
 * (members/inactivity.ts: a write only for a record that deactivates, hides, reactivates or
 * erases a member, none for the others). History entries are keyed by the record's sequence number, so a retry rewrites
 * them.
 *
 * Each step runs once for the whole batch, not once per record: the histories go out together,
 * the company and the changed members are read once per company, settings and notifications are
 * written in as few transactions as fit, and the reports waiting for any of the batch's members
 * are found in one read. Returns the sequence number of the first record that failed (it and
 * those after it are retried, per Lambda's partial batch response), or undefined when all
 * succeeded.
 */
export async function processTeamMemberChanges(records: DynamoDBRecord[], now: () => Date = () => new Date()): Promise<string | undefined> {
  const batch = new StreamBatch(records, now);
  // A batch mixes companies: each record's line names its own, and no key outlives the batch.
  for (const change of batch.changes) log('debug', 'team member change', batch.logFields(change));
  const recorded = batch.changes.filter((change) => !change.member.erasedAt);
  // The histories, the follow-ups and the clocks touch different items: none waits for another.
  const [, , notes] = await Promise.all([
    recordChanges(batch, recorded),
    keepInactivityClocks(batch),
    (async () => {
      const decided: NotificationNote[] = [];
      for (const changes of byCompany(recorded)) decided.push(...(await followUp(batch, changes, now)));
      return decided;
    })(),
  ]);
  await recordNotes(batch, notes);
  await redactErasedHistories(batch);
  return batch.firstFailure();
}

/** A notification decision, for the member's history. */
interface NotificationNote {
  change: MemberChange;
  decidedAt: Date;
  event: HistoryEvent;
}

/** The history of every change, all written together (one change at a time only to find which failed). */
async function recordChanges(batch: StreamBatch, changes: MemberChange[]): Promise<void> {
  const histories = batch
    .live(changes)
    .map((change): [MemberChange, MemberChangeHistory] => [
      change,
      {
        tenantId: change.tenantId,
        memberId: change.member.id,
        meta: { at: change.at, actor: actorOfImage(change.member), cause: change.cause },
        events: historyEvents(change.before, change.member),
      },
    ])
    .filter(([, history]) => history.events.length);
  await writeHistories(batch, histories);
}

async function writeHistories(batch: StreamBatch, histories: Array<[MemberChange, MemberChangeHistory]>): Promise<void> {
  if (!histories.length) return;
  try {
    await recordChangeHistories(histories.map(([, history]) => history));
  } catch {
    for (const [change, history] of histories) {
      try {
        await recordChangeHistories([history]);
      } catch (error) {
        batch.fail(change, error);
        return;
      }
    }
  }
}

/** Settings, display names, notifications and waiting reports, for one company's changes. */
async function followUp(batch: StreamBatch, changes: MemberChange[], now: () => Date): Promise<NotificationNote[]> {
  const tenantId = changes[0]!.tenantId;
  const refreshing = firstPerMember(batch.live(changes).filter(settingsInputsChanged));
  const importing = batch.live(changes).filter((change) => !change.member.deletedAt && importTrigger(change.before, change.member));
  let company: TenantRecord | undefined;
  let companyConfig: CompanyConfig | undefined;
  let current = new Map<string, TeamMemberRecord>();
  let read = false;
  if (refreshing.length || importing.length) {
    // The company and the members as they are now, read once for the batch.
    try {
      const ids = [...new Set([...refreshing, ...importing].map((change) => change.member.id))];
      const [settings, configuration, members] = await Promise.all([
        getTenant(tenantId),
        refreshing.length ? loadCompanyConfig(tenantId) : undefined,
        getTeamMembers(tenantId, ids, { consistent: true }),
      ]);
      [company, companyConfig, read] = [settings, configuration, true];
      current = new Map(members.map((member) => [member.id, member]));
    } catch (error) {
      batch.fail(Math.min(...[...refreshing, ...importing].map((change) => change.position)), error);
    }
  }

  if (companyConfig) {
    const failures = await refreshEffectiveSettingsOfMany(refreshing.flatMap((change) => current.get(change.member.id) ?? []), { company, config: companyConfig });
    for (const change of refreshing) if (failures.has(change.member.id)) batch.fail(change, failures.get(change.member.id));
  }

  await mapLimited(lastPerMember(batch.live(changes).filter((change) => !change.member.deletedAt)), DISPLAY_REWRITES_AT_ONCE, async (change) => {
    try {
      if (await keepMemberDisplayOnEdges(change.member)) log('info', 'member display name rewritten on its memberships', { tenantId, groups: change.member.groupIds.length });
    } catch (error) {
      batch.fail(change, error);
    }
  });

  const notes = read ? await queueNotifications(batch, importing, { company, members: current }, now) : [];
  await linkArrivals(batch, changes);
  return notes;
}

/**
 * Queues the imports' notifications: one member's changes one after another (rounds), as
 * repeated or reordered records of a member must be decided in order; different members together.
 */
async function queueNotifications(
  batch: StreamBatch,
  importing: MemberChange[],
  known: KnownState,
  now: () => Date,
): Promise<NotificationNote[]> {
  const notes: NotificationNote[] = [];
  const rounds: MemberChange[][] = [];
  const seen = new Map<string, number>();
  for (const change of importing) {
    const round = seen.get(change.member.id) ?? 0;
    seen.set(change.member.id, round + 1);
    (rounds[round] ??= []).push(change);
  }
  for (const round of rounds) {
    const changes = batch.live(round);
    if (!changes.length) break;
    const decidedAt = now();
    const outcomes = await queueImportNotifications(changes[0]!.tenantId, changes.map((change) => ({ before: change.before, after: change.member })), decidedAt, known);
    outcomes.forEach((result, index) => {
      const change = changes[index]!;
      if ('error' in result) return batch.fail(change, result.error);
      if (result.outcome === 'queued') {
        log('info', 'manager notification queued', batch.logFields(change));
        emitMetric('NotificationsQueued');
      }
      if (result.outcome === 'notQueued') emitMetric('NotificationsSkipped', 1, { Reason: result.reason });
      const event = notificationEvent(result);
      if (event) notes.push({ change, decidedAt, event });
    });
  }
  return notes;
}

/** Links the reports waiting for members who arrived or gained an identifier (found for all of them in one read). */
async function linkArrivals(batch: StreamBatch, changes: MemberChange[]): Promise<void> {
  // Resolving uses the members as they are now: their latest image in the batch is the closest.
  const latest = new Map(lastPerMember(batch.live(changes)).map((change) => [change.member.id, change.member]));
  const arriving = firstPerMember(batch.live(changes).filter((change) => newIdentity(change) && !latest.get(change.member.id)?.deletedAt));
  if (!arriving.length) return;
  const tenantId = arriving[0]!.tenantId;
  let waiting: Map<string, string[]>;
  try {
    waiting = await reportsWaitingFor(tenantId, arriving.map((change) => latest.get(change.member.id)!));
  } catch (error) {
    return batch.fail(arriving[0]!, error);
  }
  for (const change of arriving) {
    const reportIds = waiting.get(change.member.id);
    if (!reportIds || !batch.isLive(change)) continue;
    try {
      const linked = await linkReports(tenantId, reportIds);
      if (linked) log('info', 'waiting reports linked', { tenantId, linked });
    } catch (error) {
      batch.fail(change, error);
    }
  }
}

/**
 * The inactivity clocks of the members the batch deactivated, hid, reactivated or erased: one
 * member's changes one after another (each write is conditioned on the version before it), the
 * members together.
 */
async function keepInactivityClocks(batch: StreamBatch): Promise<void> {
  const byMember = new Map<string, MemberChange[]>();
  for (const change of batch.live()) {
    if (!inactivityChange(change.before, change.member)) continue;
    const key = `${change.tenantId}#${change.member.id}`;
    byMember.set(key, [...(byMember.get(key) ?? []), change]);
  }
  await mapLimited([...byMember.values()], CLOCK_WRITES_AT_ONCE, async (changes) => {
    for (const change of changes) {
      if (!batch.isLive(change)) return;
      try {
        await keepInactivityClock(change.before, change.member);
      } catch (error) {
        return batch.fail(change, error);
      }
    }
  });
}

/** The history's notes of what the imports did about the managers' notifications. */
async function recordNotes(batch: StreamBatch, notes: NotificationNote[]): Promise<void> {
  // Also for records after a failure: their notification is decided, and a retry would find it handled and note nothing.
  await writeHistories(
    batch,
    notes.map(({ change, decidedAt, event }) => [
      change,
      { tenantId: change.tenantId, memberId: change.member.id, meta: { at: decidedAt.toISOString(), actor: ROSTER_ACTOR, cause: `${change.cause}#notify` }, events: [event] },
    ]),
  );
}

/**
 * A stream delivers an item's records in order: by the erasure's record, the history of every
 * earlier change is written (above, for this batch's), so redacting once more catches entries
 * written after the erasure began. The erasure itself is recorded without values, and nothing
 * else follows it.
 */
async function redactErasedHistories(batch: StreamBatch): Promise<void> {
  for (const change of batch.live(batch.changes.filter((candidate) => candidate.member.erasedAt && !candidate.before?.erasedAt))) {
    try {
      await redactMemberHistory(change.tenantId, change.member.id);
    } catch (error) {
      return batch.fail(change, error);
    }
  }
}

function settingsInputsChanged({ before, member }: MemberChange): boolean {
  return !before || before.active !== member.active || before.deletedAt !== member.deletedAt || before.groupIds.join() !== member.groupIds.join();
}

function newIdentity({ before, member }: MemberChange): boolean {
  return !before || before.externalId !== member.externalId || before.identifiers.join() !== member.identifiers.join();
}

function byCompany(changes: MemberChange[]): MemberChange[][] {
  const companies = new Map<string, MemberChange[]>();
  for (const change of changes) companies.set(change.tenantId, [...(companies.get(change.tenantId) ?? []), change]);
  return [...companies.values()];
}

function firstPerMember(changes: MemberChange[]): MemberChange[] {
  return [...new Map(changes.toReversed().map((change) => [change.member.id, change])).values()].sort((a, b) => a.position - b.position);
}

function lastPerMember(changes: MemberChange[]): MemberChange[] {
  return [...new Map(changes.map((change) => [change.member.id, change])).values()];
}

/** The history's note of what the import did about the manager's notification. */
function notificationEvent(notification: ImportOutcome): HistoryEvent | undefined {
  switch (notification.outcome) {
    case 'queued':
      return { event: 'notificationQueued', changes: [], detail: { managerId: notification.managerId, dueAt: notification.dueAt } };
    case 'notQueued':
      return { event: 'notificationNotQueued', changes: [], detail: { reason: notification.reason } };
    default:
      return undefined;
  }
}
