import type { DynamoDBRecord } from 'aws-lambda';
import { describeError, log } from '../log.js';
import { emitMetric } from '../metrics.js';
import { redactMemberHistory } from '../store/erasure.js';
import { teamMemberFromStreamImage } from '../store/team-members.js';
import { ROSTER_ACTOR } from './actors.js';
import { queueImportNotification, type ImportOutcome } from './notifications/import-notifications.js';
import { linkWaitingReports } from './members/link-waiting-reports.js';
import { actorOfImage, historyEvents, recordHistory, type HistoryEvent } from './members/member-history.js';
import { refreshEffectiveSettings } from './company/refresh-effective-settings.js';
import { keepMemberDisplayOnEdges } from './members/member-display.js';
import { keepInactivityClock } from './members/inactivity.js';

/**
 * Reacts to team members written to the table (stream records, in order): writes what changed into
 * the member's history (with the actor the item names); brings effective settings (seats,
 * permissions, data capture) up to date when a member is imported, changes groups, or is
 * (de)activated or deleted; keeps the inactivity clock the erasure after the company's retention
 * reads (members/inactivity.ts); and links reports that were waiting for a member who just arrived or
 * gained an identifier; keeps the member's display name on its group memberships
 * (members.display); then queues the manager's notification when the member was imported (or
 * linked to its manager late), by the clock `now` (tests drive it), and notes in the history
 * whether it was queued or why not. Returns the sequence number of the first record that failed
 * (it and those after it are retried, per Lambda's partial batch response), or undefined when all
 * succeeded. History entries are keyed by the record's sequence number, so a retry rewrites them.
 */
export async function processTeamMemberChanges(records: DynamoDBRecord[], now: () => Date = () => new Date()): Promise<string | undefined> {
  for (const record of records) {
    try {
      const member = teamMemberFromStreamImage(record.dynamodb?.NewImage as never);
      if (!member) continue;
      const before = teamMemberFromStreamImage(record.dynamodb?.OldImage as never);
      await keepInactivityClock(before, member);
      if (member.erasedAt) {
        // A stream delivers an item's records in order: by the erasure's record, the history of every
        // earlier change is written, so redacting once more catches entries written after the erasure
        // began. The erasure itself is recorded without values, and nothing else follows it.
        if (!before?.erasedAt) await redactMemberHistory(member.tenantId, member.id);
        continue;
      }
      const cause = record.dynamodb?.SequenceNumber ?? record.eventID ?? `${member.version}.${member.effectiveVersion}`;
      const at = member.changedAt ?? approximateTime(record) ?? now().toISOString();
      await recordHistory({ tenantId: member.tenantId, memberId: member.id }, { at, actor: actorOfImage(member), cause }, historyEvents(before, member));
      const settingsInputsChanged =
        !before ||
        before.active !== member.active ||
        before.deletedAt !== member.deletedAt ||
        before.groupIds.join() !== member.groupIds.join();
      if (settingsInputsChanged) await refreshEffectiveSettings(member.tenantId, member.id);
      if (member.deletedAt) continue;
      if (await keepMemberDisplayOnEdges(member)) log('info', 'member display name rewritten on its memberships', { tenantId: member.tenantId, groups: member.groupIds.length });
      const newIdentity =
        !before || before.externalId !== member.externalId || before.identifiers.join() !== member.identifiers.join();
      if (newIdentity) {
        const linked = await linkWaitingReports(member);
        if (linked) log('info', 'waiting reports linked', { tenantId: member.tenantId, linked });
      }
      const decidedAt = now();
      const notification = await queueImportNotification(before, member, decidedAt);
      if (notification.outcome === 'queued') {
        log('info', 'manager notification queued', { tenantId: member.tenantId, memberId: member.id });
        emitMetric('NotificationsQueued');
      }
      if (notification.outcome === 'notQueued') emitMetric('NotificationsSkipped', 1, { Reason: notification.reason });
      const noted = notificationEvent(notification);
      if (noted) await recordHistory({ tenantId: member.tenantId, memberId: member.id }, { at: decidedAt.toISOString(), actor: ROSTER_ACTOR, cause: `${cause}#notify` }, [noted]);
    } catch (error) {
      log('error', 'team member change failed', { eventId: record.eventID, ...describeError(error) });
      emitMetric('StreamBatchFailures');
      return record.dynamodb?.SequenceNumber ?? record.eventID ?? 'unknown';
    }
  }
  return undefined;
}

function approximateTime(record: DynamoDBRecord): string | undefined {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
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
