import { config } from '../../config.js';
import { recordImport } from '../../store/import-records.js';
import { queueNotification } from '../../store/manager-digests.js';
import { getTeamMember, type TeamMemberRecord } from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';
import { importTrigger, withinLateLinkWindow } from './import-trigger.js';
import { notificationTimes } from './notification-schedule.js';

export type ImportOutcome = 'none' | 'recorded' | 'queued' | 'alreadyHandled';

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
  if (!trigger || (trigger === 'linked' && !withinLateLinkWindow(after.createdAt, now))) return 'none';
  const { tenantId, id } = after;
  const company = await getTenant(tenantId);
  // The current state, not the image: the record may be a repeat, and the refresh has just run.
  const member = company?.notifyManagersOnImport ? await getTeamMember(tenantId, id) : undefined;
  const manager = member?.active && !member.deletedAt && member.managerId ? await getTeamMember(tenantId, member.managerId) : undefined;
  if (!manager) {
    if (trigger === 'linked') return 'none';
    return (await recordImport(tenantId, id, now.toISOString())) ? 'recorded' : 'alreadyHandled';
  }
  const { NOTIFY_DEBOUNCE_SECONDS, NOTIFY_MAX_WAIT_SECONDS } = config();
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
  return queued ? 'queued' : 'alreadyHandled';
}
