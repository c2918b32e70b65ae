import { getImportRecord } from '../../store/import-records.js';
import { findDigest } from '../../store/manager-digests.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import { LATE_LINK_WINDOW_DAYS } from './import-trigger.js';

/**
 * What became of the manager notification of a member's import, as the admin's view says it:
 * - `queued`: in the manager's digest, due then (a further report of the same manager may push it back);
 * - `sent`: emailed to the manager, when, with SES's message id;
 * - `notSent`: nobody was told, and the rule that stopped it (`reason`, and in words);
 * - `pending`: imported, but the table's stream has not handled it yet;
 * - `notImported`: the member has never been active, so there was no import to tell of yet.
 */
export type NotificationState =
  | { state: 'queued'; managerId: string; queuedAt: string; dueAt?: string; summary: string }
  | { state: 'sent'; managerId?: string; sentAt?: string; messageId?: string; summary: string }
  | { state: 'notSent'; reason: string; managerId?: string; decidedAt?: string; summary: string }
  | { state: 'pending' | 'notImported'; summary: string };

/** The rules that stop a notification, in words (queueing's NotQueuedReason and the release's DigestSkip). */
export const NOT_SENT_REASONS: Record<string, string> = {
  companySuspended: 'the company was suspended on Roster when the email was due',
  settingOff: 'the company does not notify managers of new team members (the setting is off)',
  memberInactive: 'the member was no longer active when the import was handled',
  managerMissing: 'the member has no manager in Roster (none given, or the manager was not found)',
  lateLinkWindowPassed: `the manager was linked more than ${LATE_LINK_WINDOW_DAYS} days after the import (older than the late-link window)`,
  managerInactive: 'the manager is not active',
  managerWithoutEmail: 'the manager has no work email',
  managerOutsideDomains: "the manager's email is not at one of the company's verified domains",
  noNewReports: 'by the time the email was due, the member was no longer active or no longer reported to that manager',
  noLongerReports: 'by the time the email went out, the member was no longer active or no longer reported to that manager',
  teamNotRecorded: "nobody on the manager's team has data capture active (the team is not recorded)",
};

/** The notification state of a member's import: its import record, and the manager's digest while it is queued. */
export async function notificationState(member: TeamMemberRecord): Promise<NotificationState> {
  const record = await getImportRecord(member.tenantId, member.id);
  if (!record) {
    return member.active
      ? { state: 'pending', summary: 'Imported; Roster has not decided about the manager’s email yet.' }
      : { state: 'notImported', summary: 'Not imported yet: the member has never been active, so no manager was told.' };
  }
  if (record.outcome === 'sent') {
    return {
      state: 'sent',
      ...(record.managerId ? { managerId: record.managerId } : {}),
      ...(record.outcomeAt ? { sentAt: record.outcomeAt } : {}),
      ...(record.messageId ? { messageId: record.messageId } : {}),
      summary: `Sent to manager ${record.managerId ?? '(unknown)'} at ${record.outcomeAt ?? '(unknown time)'}${record.messageId ? `, message id ${record.messageId}` : ''}.`,
    };
  }
  if (record.outcome) {
    const why = NOT_SENT_REASONS[record.outcome] ?? record.outcome;
    return {
      state: 'notSent',
      reason: record.outcome,
      ...(record.managerId ? { managerId: record.managerId } : {}),
      ...(record.outcomeAt ? { decidedAt: record.outcomeAt } : {}),
      summary: `Not sent: ${why}.`,
    };
  }
  if (record.queuedAt && record.managerId) {
    // The digest holds the due time as it is now; once released it is gone (the outcome follows).
    const digest = await findDigest(member.tenantId, record.managerId);
    const dueAt = digest?.memberIds.includes(member.id) ? digest.dueAt : record.dueAt;
    return {
      state: 'queued',
      managerId: record.managerId,
      queuedAt: record.queuedAt,
      ...(dueAt ? { dueAt } : {}),
      summary: `Queued for manager ${record.managerId}'s digest${dueAt ? `, due ${dueAt}` : ''}.`,
    };
  }
  // Recorded untold before Roster wrote down why.
  return { state: 'notSent', reason: 'notQueued', summary: 'Not sent: no email was queued for this import.' };
}
