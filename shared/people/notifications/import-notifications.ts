import { config } from '../../config.js';
import { recordImport, recordNotQueued } from '../../store/import-records.js';
import { queueNotification } from '../../store/manager-digests.js';
import { getTeamMember, type TeamMemberRecord } from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';
import { importTrigger, withinLateLinkWindow } from './import-trigger.js';

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

/**
 * The stream's half of "notify direct managers when a new team member is imported": on an import
 * (or a late manager link), queue the member for its manager's digest, due after the debounce and
 * outside the manager's weekend. Queueing is conditional on the member's import record, so a
 * repeated or late stream record queues nothing twice. Who actually gets mail is decided when the
 * digest is released (release-notifications.ts), from the state at that moment.
 */
export async function queueImportNotification(
  before: TeamMemberRecord | undefined,
  after: TeamMemberRecord,
  now: Date,
): Promise<ImportOutcome> {
  const trigger = importTrigger(before, after);
  if (!trigger) return { outcome: 'none' };
  const { tenantId, id } = after;
  if (trigger === 'linked' && !withinLateLinkWindow(after.createdAt, now)) {
    // The import was recorded without a manager then; now it has one, too late to be news.
    return (await recordNotQueued(tenantId, id, 'lateLinkWindowPassed', now.toISOString()))
      ? { outcome: 'notQueued', reason: 'lateLinkWindowPassed' }
      : { outcome: 'none' };
  }
  const company = await getTenant(tenantId);
  // The current state, not the image: the record may be a repeat, and the refresh has just run.
  const member = company?.notifyManagersOnImport ? await getTeamMember(tenantId, id) : undefined;
  const manager = member?.active && !member.deletedAt && member.managerId ? await getTeamMember(tenantId, member.managerId) : undefined;
  if (!manager) {
    if (trigger === 'linked') return { outcome: 'none' };
    const reason: NotQueuedReason = !company?.notifyManagersOnImport
      ? 'settingOff'
      : !member?.active || member.deletedAt
        ? 'memberInactive'
        : 'managerMissing';
    return (await recordImport(tenantId, id, now.toISOString(), reason)) ? { outcome: 'notQueued', reason } : { outcome: 'alreadyHandled' };
  }
  const { NOTIFY_DEBOUNCE_SECONDS, NOTIFY_MAX_WAIT_SECONDS } = config();
  // The schedule's time zone and weekend rules bring luxon (~70 KB): only a queued notification
  // needs them, so they load with the first one, not at the function's init.
  const { notificationTimes } = await import('./notification-schedule.js');
  const times = notificationTimes(
    now,
    { locale: manager.attributes.locale as string | undefined, timeZone: manager.resolved.resolvedTimeZone },
    { debounceSeconds: NOTIFY_DEBOUNCE_SECONDS, maxWaitSeconds: NOTIFY_MAX_WAIT_SECONDS },
  );
  const queued = await queueNotification({
    tenantId,
    memberId: id,
    managerId: manager.id,
    at: now,
    ...times,
    mode: trigger === 'linked' ? 'lateLink' : 'firstImport',
  });
  return queued ? { outcome: 'queued', managerId: manager.id, dueAt: times.dueAt.toISOString() } : { outcome: 'alreadyHandled' };
}
