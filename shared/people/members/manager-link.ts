import type { ResolvedProfile, TeamMemberRecord } from '../../store/team-members.js';
import {
  findTeamMembersByExternalId,
  findTeamMembersByIdentifier,
  getTeamMember,
} from '../../store/team-members.js';
import { identifier, type ManagerReference } from './member-identifiers.js';

export interface ManagerLink {
  managerId?: string;
  managerResolution: ResolvedProfile['managerResolution'];
  /** Identifiers to wait for when the manager is not in Roster yet. */
  awaiting: string[];
  issues: ResolvedProfile['issues'];
}

const MAX_CHAIN = 64;

/**
 * The article's manager rule: by manager email, else by the enterprise manager id (Roster id, then
 * externalId, then employeeNumber), else by full name. Two or more people match → no manager,
 * `ambiguous`. Nobody matches → `notFound`, and the member waits: when someone with one of those
 * identifiers is imported, the member is linked (see link-waiting-reports.ts). A link that would
 * make someone their own manager through a chain is refused.
 */
export async function resolveManager(tenantId: string, selfId: string, reference: ManagerReference): Promise<ManagerLink> {
  const attempts: Array<[ResolvedProfile['managerResolution'], () => Promise<TeamMemberRecord[]>]> = [];
  if (reference.email) attempts.push(['email', () => findTeamMembersByIdentifier(tenantId, identifier.email(reference.email!))]);
  if (reference.value) attempts.push(['id', () => byManagerValue(tenantId, reference.value!)]);
  if (reference.fullNameKey) attempts.push(['fullName', () => findTeamMembersByIdentifier(tenantId, identifier.fullName(reference.fullNameKey!))]);
  if (!attempts.length) return { managerResolution: 'none', awaiting: [], issues: [] };

  for (const [resolution, find] of attempts) {
    const candidates = (await find()).filter((member) => !member.deletedAt && member.id !== selfId);
    if (candidates.length > 1) {
      return { managerResolution: 'ambiguous', awaiting: [], issues: [{ field: 'manager', reason: `${candidates.length} people match the manager ${resolution === 'fullName' ? 'full name' : resolution}; set the manager by hand` }] };
    }
    const [manager] = candidates;
    if (!manager) continue;
    if (await managesThroughChain(tenantId, manager, selfId)) {
      return { managerResolution: 'cycle', awaiting: [], issues: [{ field: 'manager', reason: 'that manager reports to this person: the link would make a cycle' }] };
    }
    return { managerId: manager.id, managerResolution: resolution, awaiting: [], issues: [] };
  }
  return { managerResolution: 'notFound', awaiting: awaitedIdentifiers(reference), issues: [] };
}

async function byManagerValue(tenantId: string, value: string): Promise<TeamMemberRecord[]> {
  const byId = await getTeamMember(tenantId, value);
  if (byId && !byId.deletedAt) return [byId];
  const byExternalId = (await findTeamMembersByExternalId(tenantId, value)).filter((member) => !member.deletedAt);
  if (byExternalId.length) return byExternalId;
  return findTeamMembersByIdentifier(tenantId, identifier.employeeNumber(value));
}

/** Whether `selfId` is `manager` or above it: walking up from the manager would reach self. */
async function managesThroughChain(tenantId: string, manager: TeamMemberRecord, selfId: string): Promise<boolean> {
  let current: TeamMemberRecord | undefined = manager;
  for (let hops = 0; current && hops < MAX_CHAIN; hops += 1) {
    if (current.managerId === selfId) return true;
    current = current.managerId ? await getTeamMember(tenantId, current.managerId) : undefined;
  }
  return false;
}

function awaitedIdentifiers(reference: ManagerReference): string[] {
  return [
    ...(reference.email ? [identifier.email(reference.email)] : []),
    ...(reference.value ? [identifier.id(reference.value), identifier.externalId(reference.value), identifier.employeeNumber(reference.value)] : []),
    ...(reference.fullNameKey ? [identifier.fullName(reference.fullNameKey)] : []),
  ];
}
