import type { TeamMemberRecord } from '../../store/team-members.js';

/** A manager linked after the report arrived (imported later than it) is told only about a report this recent. */
export const LATE_LINK_WINDOW_DAYS = 7;

/**
 * What a team-member change means for manager notifications:
 * - `imported`: created as active;
 * - `activated`: went from inactive to active — an import if it is the first time (a member
 *   created inactive, "staged"); the import record tells a reactivation apart;
 * - `linked`: an active member got a manager it did not have (the manager arrived later).
 * Anything else (profile edits, a change of manager, deactivation, deletion) notifies nobody.
 */
export type ImportTrigger = 'imported' | 'activated' | 'linked';

export function importTrigger(before: TeamMemberRecord | undefined, after: TeamMemberRecord): ImportTrigger | undefined {
  if (after.deletedAt || !after.active) return undefined;
  if (!before) return 'imported';
  if (!before.active) return 'activated';
  if (after.managerId && !before.managerId) return 'linked';
  return undefined;
}

export function withinLateLinkWindow(createdAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(createdAt) <= LATE_LINK_WINDOW_DAYS * 24 * 3600 * 1000;
}
