import type { DynamoDBRecord } from 'aws-lambda';
import { describeError, log } from '../log.js';
import { teamMemberFromStreamImage } from '../store/team-members.js';
import { queueImportNotification } from './notifications/import-notifications.js';
import { linkWaitingReports } from './members/link-waiting-reports.js';
import { refreshEffectiveSettings } from './company/refresh-effective-settings.js';
import { keepMemberDisplayOnEdges } from './members/member-display.js';

/**
 * Reacts to team members written to the table (stream records, in order): brings effective
 * settings (seats, permissions, data capture) up to date when a member is imported, changes
 * groups, or is (de)activated or deleted; and links reports that were waiting for a member who
 * just arrived or gained an identifier; keeps the member's display name on its group memberships
 * (members.display); then queues the manager's notification when the member
 * was imported (or linked to its manager late), by the clock `now` (tests drive it). Returns the
 * sequence number of the first record that failed (it and those after it are retried, per Lambda's
 * partial batch response), or undefined when all succeeded.
 */
export async function processTeamMemberChanges(records: DynamoDBRecord[], now: () => Date = () => new Date()): Promise<string | undefined> {
  for (const record of records) {
    try {
      const member = teamMemberFromStreamImage(record.dynamodb?.NewImage as never);
      if (!member) continue;
      const before = teamMemberFromStreamImage(record.dynamodb?.OldImage as never);
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
      const notification = await queueImportNotification(before, member, now());
      if (notification === 'queued') log('info', 'manager notification queued', { tenantId: member.tenantId, memberId: member.id });
    } catch (error) {
      log('error', 'team member change failed', { eventId: record.eventID, ...describeError(error) });
      return record.dynamodb?.SequenceNumber ?? record.eventID ?? 'unknown';
    }
  }
  return undefined;
}
