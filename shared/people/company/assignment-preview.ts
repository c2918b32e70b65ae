import type { Assignment } from '../../store/company-config.js';
import { loadCompanyConfig } from '../../store/company-config.js';
import { readMemberIds } from '../../store/memberships.js';
import { getTeamMembers } from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';
import { readOwnedFields } from '../members/owned-fields.js';
import { checkGrant } from './company-config-admin.js';
import { heldSeatTypeIds, settingsTarget } from './effective-settings.js';

export interface SeatOutlook {
  seatTypeId: string;
  name: string;
  /** Members it would cover who do not hold this seat yet. */
  needed: number;
  free: number;
  short: number;
}

/** What saving an assignment would do, before it is saved. */
export interface AssignmentPreview {
  /** Active members the assignment would govern (its groups' members not taken by an earlier assignment or kept by a manual one). */
  members: number;
  /** Of those, how many would hold every seat it gives. */
  seated: number;
  /** Of those, how many would miss at least one seat because too few are left. */
  short: number;
  seats: SeatOutlook[];
  warnings: string[];
}

/**
 * The preview of an assignment as drafted (`id` of the saved one when editing): the members of its
 * groups are read through the membership edges (never the whole company), and who it would govern
 * is decided by the same rule as the effective settings (priority order; manual assignments keep
 * what they applied). Seat counts assume nobody else takes or frees seats meanwhile.
 */
export async function previewAssignment(tenantId: string, draft: Assignment): Promise<AssignmentPreview> {
  const [config, company] = await Promise.all([loadCompanyConfig(tenantId), getTenant(tenantId)]);
  checkGrant(config, draft);
  const assignments = [...config.assignments.filter((other) => other.id !== draft.id), draft].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
  const memberIds = [...new Set((await Promise.all(draft.groupIds.map((groupId) => readMemberIds(tenantId, groupId)))).flat())];
  const members = (await getTeamMembers(tenantId, memberIds)).filter(
    (member) => member.active && !member.deletedAt && settingsTarget(member.effective, member.groupIds, assignments, company?.defaultAssignment).assignmentId === draft.id,
  );
  const seats = draft.seatTypeIds.flatMap((seatTypeId) => {
    const seat = config.seatTypes.find((candidate) => candidate.id === seatTypeId);
    if (!seat) return [];
    const needed = members.filter((member) => !heldSeatTypeIds(member.effective).includes(seatTypeId)).length;
    const free = Math.max(0, seat.total - seat.inUse);
    return [{ seatTypeId, name: seat.name, needed, free, short: Math.max(0, needed - free) }];
  });
  const short = Math.max(0, ...seats.map((seat) => seat.short));
  return { members: members.length, seated: members.length - short, short, seats, warnings: warningsOf(draft, config, members) };
}

type Config = Awaited<ReturnType<typeof loadCompanyConfig>>;

/** The article's pitfalls: a setting that needs a seat the assignment does not give; automatic members without a manager email. */
function warningsOf(draft: Assignment, config: Config, members: Awaited<ReturnType<typeof getTeamMembers>>): string[] {
  const given = config.seatTypes.filter((seat) => draft.seatTypeIds.includes(seat.id));
  const seatName = (id: string) => config.seatTypes.find((seat) => seat.id === id)?.name ?? id;
  const warnings: string[] = [];
  for (const [workspaceId, profileId] of Object.entries(draft.permissions)) {
    const workspace = config.workspaces.find((candidate) => candidate.id === workspaceId);
    const profile = workspace?.permissionProfiles.find((candidate) => candidate.id === profileId);
    if (workspace && profile?.requiresSeatTypeId && !draft.seatTypeIds.includes(profile.requiresSeatTypeId)) {
      warnings.push(`The ${profile.name} profile in ${workspace.name} needs a ${seatName(profile.requiresSeatTypeId)} seat, which this assignment does not give: members without one will not get the profile.`);
    }
  }
  const { webConferences, ...channels } = draft.dataCapture;
  const capturing = webConferences === 'record' || Object.values(channels).some(Boolean);
  if (capturing && !given.some((seat) => seat.capabilities.includes('dataCapture'))) {
    warnings.push('Data capture needs a seat that unlocks it, and this assignment gives none: data capture will stay off for members without such a seat.');
  }
  if (draft.updateMode === 'automatic') {
    const withoutManager = members.filter((member) => !readOwnedFields(member.attributes).managerEmail).length;
    if (withoutManager) {
      warnings.push(
        `${withoutManager} of the members it covers ${withoutManager === 1 ? 'has' : 'have'} no manager email from Okta: Roster cannot link them to a manager, so no manager sees them in My team or is told about them.`,
      );
    }
  }
  return warnings;
}
