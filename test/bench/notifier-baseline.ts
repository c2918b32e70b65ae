import type { DynamoDBRecord } from 'aws-lambda';
import { config } from '../../shared/config.js';
import { ROSTER_ACTOR } from '../../shared/people/actors.js';
import { refreshEffectiveSettings } from '../../shared/people/company/refresh-effective-settings.js';
import { linkReports } from '../../shared/people/members/link-waiting-reports.js';
import { keepMemberDisplayOnEdges } from '../../shared/people/members/member-display.js';
import { actorOfImage, historyEvents, recordHistory } from '../../shared/people/members/member-history.js';
import { identifier } from '../../shared/people/members/member-identifiers.js';
import { importTrigger, withinLateLinkWindow } from '../../shared/people/notifications/import-trigger.js';
import { notificationTimes } from '../../shared/people/notifications/notification-schedule.js';
import { redactMemberHistory } from '../../shared/store/erasure.js';
import { recordImport, recordNotQueued } from '../../shared/store/import-records.js';
import { queueNotification } from '../../shared/store/manager-digests.js';
import { findTeamMembersAwaiting, getTeamMember, teamMemberFromStreamImage, type TeamMemberRecord } from '../../shared/store/team-members.js';
import { getTenant } from '../../shared/store/tenants.js';

/**
 * The notifier as it was before it handled a batch at once (commit 057fb95), kept for the notifier
 * section to measure against in the same run: every record on its own, one step after another —
 * the history, the settings refresh (company, configuration and member read each time), the
 * display names, one Query per identifier for reports waiting for it, and the notification
 * (company, member and manager read again, one transaction). The same domain and store calls, so
 * its requests are those the notifier made then; only failure reporting is left out.
 */
export async function processRecordByRecord(records: DynamoDBRecord[], now: () => Date = () => new Date()): Promise<void> {
  for (const record of records) {
    const member = teamMemberFromStreamImage(record.dynamodb?.NewImage as never);
    if (!member) continue;
    const before = teamMemberFromStreamImage(record.dynamodb?.OldImage as never);
    if (member.erasedAt) {
      if (!before?.erasedAt) await redactMemberHistory(member.tenantId, member.id);
      continue;
    }
    const cause = record.dynamodb?.SequenceNumber ?? record.eventID ?? `${member.version}.${member.effectiveVersion}`;
    const at = member.changedAt ?? now().toISOString();
    await recordHistory({ tenantId: member.tenantId, memberId: member.id }, { at, actor: actorOfImage(member), cause }, historyEvents(before, member));
    const settingsInputsChanged =
      !before || before.active !== member.active || before.deletedAt !== member.deletedAt || before.groupIds.join() !== member.groupIds.join();
    if (settingsInputsChanged) await refreshEffectiveSettings(member.tenantId, member.id);
    if (member.deletedAt) continue;
    await keepMemberDisplayOnEdges(member);
    if (!before || before.externalId !== member.externalId || before.identifiers.join() !== member.identifiers.join()) await linkOne(member);
    const decidedAt = now();
    const outcome = await queueOne(before, member, decidedAt);
    if (outcome) await recordHistory({ tenantId: member.tenantId, memberId: member.id }, { at: decidedAt.toISOString(), actor: ROSTER_ACTOR, cause: `${cause}#notify` }, [outcome]);
  }
}

async function linkOne(member: TeamMemberRecord): Promise<void> {
  const identifiers = [identifier.id(member.id), ...(member.externalId ? [identifier.externalId(member.externalId)] : []), ...member.identifiers];
  const found = await Promise.all(identifiers.map((awaited) => findTeamMembersAwaiting(member.tenantId, awaited)));
  const waiting = [...new Set(found.flat().map((report) => report.id))];
  if (waiting.length) await linkReports(member.tenantId, waiting);
}

type Note = Parameters<typeof recordHistory>[2][number];

async function queueOne(before: TeamMemberRecord | undefined, after: TeamMemberRecord, now: Date): Promise<Note | undefined> {
  const trigger = importTrigger(before, after);
  if (!trigger) return undefined;
  const { tenantId, id } = after;
  const notQueued = (reason: string): Note => ({ event: 'notificationNotQueued', changes: [], detail: { reason } });
  if (trigger === 'linked' && !withinLateLinkWindow(after.createdAt, now)) {
    return (await recordNotQueued(tenantId, id, 'lateLinkWindowPassed', now.toISOString())) ? notQueued('lateLinkWindowPassed') : undefined;
  }
  const company = await getTenant(tenantId);
  const member = company?.notifyManagersOnImport ? await getTeamMember(tenantId, id) : undefined;
  const manager = member?.active && !member.deletedAt && member.managerId ? await getTeamMember(tenantId, member.managerId) : undefined;
  if (!manager) {
    if (trigger === 'linked') return undefined;
    const reason = !company?.notifyManagersOnImport ? 'settingOff' : !member?.active || member.deletedAt ? 'memberInactive' : 'managerMissing';
    return (await recordImport(tenantId, id, now.toISOString(), reason)) ? notQueued(reason) : undefined;
  }
  const { NOTIFY_DEBOUNCE_SECONDS, NOTIFY_MAX_WAIT_SECONDS } = config();
  const times = notificationTimes(
    now,
    { locale: manager.attributes.locale as string | undefined, timeZone: manager.resolved.resolvedTimeZone },
    { debounceSeconds: NOTIFY_DEBOUNCE_SECONDS, maxWaitSeconds: NOTIFY_MAX_WAIT_SECONDS },
  );
  const queued = await queueNotification({ tenantId, memberId: id, managerId: manager.id, at: now, ...times, mode: trigger === 'linked' ? 'lateLink' : 'firstImport' });
  return queued ? { event: 'notificationQueued', changes: [], detail: { managerId: manager.id, dueAt: times.dueAt.toISOString() } } : undefined;
}
