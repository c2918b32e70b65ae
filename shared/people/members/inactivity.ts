import { continueInactivity, endInactivity, startInactivity } from '../../store/inactive-members.js';
import type { TeamMemberRecord } from '../../store/team-members.js';

type Member = Pick<TeamMemberRecord, 'tenantId' | 'id' | 'version' | 'active' | 'deletedAt' | 'erasedAt' | 'updatedAt'>;

/** What a stream record of a member means for its inactivity clock (undefined: nothing). */
export type InactivityChange = 'start' | 'continue' | 'end' | undefined;

const present = (member: Member) => member.active && !member.deletedAt;

/**
 * Decided from the record's two images alone, without a read: the clock starts when a member
 * stops being present (deactivated, hidden, or created inactive), follows each later version
 * while it stays away, and ends when it comes back or is erased. Writes that leave the version
 * as it was (Roster's recomputed settings, group changes) change nothing.
 */
export function inactivityChange(before: Member | undefined, after: Member): InactivityChange {
  if (after.erasedAt) return before?.erasedAt ? undefined : 'end';
  if (present(after)) return before && !present(before) ? 'end' : undefined;
  if (!before || present(before)) return 'start';
  return before.version === after.version ? undefined : 'continue';
}

/**
 * Keeps the member's inactivity clock (store/inactive-members.ts) in step with a stream record of
 * it: at most one write for a record that changes it (two when the clock had fallen out of step),
 * none for the others.
 */
export async function keepInactivityClock(before: Member | undefined, after: Member): Promise<void> {
  const clock = { tenantId: after.tenantId, memberId: after.id, since: after.updatedAt, version: after.version };
  switch (inactivityChange(before, after)) {
    case 'start':
      return startInactivity(clock);
    case 'continue':
      return continueInactivity(clock, before!.version);
    case 'end':
      return endInactivity(after.tenantId, after.id, after.version);
    default:
      return undefined;
  }
}
