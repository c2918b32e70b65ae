import type { TeamMemberRecord } from '../../store/team-members.js';
import type { TenantRecord } from '../../store/tenants.js';

/** Whether a manager may turn a report's data capture on or off, and if not, why — in words. */
export type DataCaptureControl = { canChange: true } | { canChange: false; reason: string };

/**
 * The one rule for a manager's data-capture switch, used by the "My team" page, by its form post,
 * by the admin API's manager path and by the new-reports email (which offers the switch only when
 * it works): the company lets managers do it, this is their active direct report, the member's
 * settings are not governed automatically, and a seat the member holds unlocks data capture.
 */
export function managerDataCaptureControl(input: {
  company: Pick<TenantRecord, 'managersCanToggleDataCapture'>;
  manager: Pick<TeamMemberRecord, 'id' | 'active' | 'deletedAt'>;
  member: Pick<TeamMemberRecord, 'managerId' | 'active' | 'deletedAt' | 'effective'>;
  /** The governing assignment's name, for the reason. */
  assignmentName: string;
}): DataCaptureControl {
  const { company, manager, member, assignmentName } = input;
  if (!manager.active || manager.deletedAt) return { canChange: false, reason: 'Only an active team member can manage a team.' };
  if (member.managerId !== manager.id || !member.active || member.deletedAt) {
    return { canChange: false, reason: 'Only their active direct manager can change this.' };
  }
  if (!company.managersCanToggleDataCapture) return { canChange: false, reason: 'Your admins manage data capture in this company.' };
  const effective = member.effective;
  if (!effective) return { canChange: false, reason: 'Their settings are still being prepared; try again in a minute.' };
  if (effective.updateMode === 'automatic') return { canChange: false, reason: `Set by the ${assignmentName} assignment, managed by your admins.` };
  if (!effective.capabilities.includes('dataCapture')) return { canChange: false, reason: 'They hold no seat that includes data capture.' };
  return { canChange: true };
}
