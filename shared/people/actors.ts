import type { Principal } from '../auth/principal.js';

/**
 * Who made a change, as a team member's `changedBy` and its history say it: a provisioning
 * connection, the tech admin, a manager (the "My team" switch) or Roster itself (recomputed
 * settings, late manager links).
 */
export const ROSTER_ACTOR = 'roster';
export const ADMIN_ACTOR = 'admin';

export function actorOf(principal: Principal): string {
  return principal.scope === 'scim' ? `connection:${principal.connectionId}` : ADMIN_ACTOR;
}

export const managerActor = (managerId: string) => `manager:${managerId}`;
