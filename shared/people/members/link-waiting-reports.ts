import {
  findTeamMembersAwaiting,
  getTeamMember,
  replaceTeamMember,
  VersionConflict,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { ROSTER_ACTOR } from '../actors.js';
import { resolveManager } from './manager-link.js';
import { identifier, managerReferenceOf } from './member-identifiers.js';

const LINKER = ROSTER_ACTOR;
const MAX_ATTEMPTS = 3;

/**
 * A first bulk push arrives in any order: a report imported before its manager waits under the
 * manager's identifiers. When a member is imported (or gains an identifier), the reports waiting
 * for any of its identifiers get their manager resolved again — with the same rules, so two
 * people who now share the name still leave the report `ambiguous`. Runs off the request path,
 * from the table's stream, so an import costs no extra reads. Returns how many reports changed.
 */
export async function linkWaitingReports(member: TeamMemberRecord): Promise<number> {
  const identifiers = [identifier.id(member.id), ...(member.externalId ? [identifier.externalId(member.externalId)] : []), ...member.identifiers];
  const waiting = new Map<string, TeamMemberRecord>();
  // One round trip: the lookups are independent (usually all empty).
  const found = await Promise.all(identifiers.map((awaited) => findTeamMembersAwaiting(member.tenantId, awaited)));
  for (const report of found.flat()) waiting.set(report.id, report);
  let linked = 0;
  for (const report of waiting.values()) if (await relink(report)) linked += 1;
  return linked;
}

async function relink(report: TeamMemberRecord): Promise<boolean> {
  let current: TeamMemberRecord | undefined = report;
  for (let attempt = 0; current && !current.deletedAt && attempt < MAX_ATTEMPTS; attempt += 1) {
    const link = await resolveManager(current.tenantId, current.id, managerReferenceOf(current.attributes));
    const unchanged =
      link.managerId === current.managerId &&
      link.managerResolution === current.resolved.managerResolution &&
      link.awaiting.join() === current.awaiting.join();
    if (unchanged) return false;
    const at = new Date().toISOString();
    const next: TeamMemberRecord = {
      ...current,
      version: current.version + 1,
      updatedAt: at,
      updatedBy: LINKER,
      changedBy: ROSTER_ACTOR,
      changedAt: at,
      awaiting: link.awaiting,
      resolved: {
        ...current.resolved,
        managerResolution: link.managerResolution,
        issues: [...current.resolved.issues.filter((issue) => issue.field !== 'manager'), ...link.issues],
      },
    };
    if (link.managerId) next.managerId = link.managerId;
    else delete next.managerId;
    try {
      await replaceTeamMember(current, next);
      return true;
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      current = await getTeamMember(report.tenantId, report.id);
    }
  }
  return false;
}
