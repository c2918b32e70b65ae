import {
  findMembersAwaitingAny,
  getTeamMember,
  getTeamMembers,
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
 * manager's identifiers. When members are imported (or gain an identifier), the reports waiting
 * for any of their identifiers get their manager resolved again (linkReports) — with the same
 * rules, so two people who now share the name still leave the report `ambiguous`. Runs off the
 * request path, from the table's stream, so an import costs no extra reads. This finds who waits,
 * for all of a batch's members of a company in one read: the waiting reports' ids, by member id.
 */
export async function reportsWaitingFor(tenantId: string, members: TeamMemberRecord[]): Promise<Map<string, string[]>> {
  const identifiersOf = new Map(members.map((member) => [member.id, identifiersOfMember(member)]));
  const waiting = await findMembersAwaitingAny(tenantId, [...identifiersOf.values()].flat());
  const reports = new Map<string, string[]>();
  for (const [memberId, identifiers] of identifiersOf) {
    const ids = [...new Set(identifiers.flatMap((awaited) => waiting.get(awaited) ?? []))];
    if (ids.length) reports.set(memberId, ids);
  }
  return reports;
}

/** Resolves the manager of these waiting reports again; returns how many changed. */
export async function linkReports(tenantId: string, reportIds: string[]): Promise<number> {
  let linked = 0;
  for (const report of await getTeamMembers(tenantId, reportIds)) if (await relink(report)) linked += 1;
  return linked;
}

function identifiersOfMember(member: TeamMemberRecord): string[] {
  return [identifier.id(member.id), ...(member.externalId ? [identifier.externalId(member.externalId)] : []), ...member.identifiers];
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
