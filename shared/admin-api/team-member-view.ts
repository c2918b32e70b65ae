import type { MemberHistoryEntry } from '../people/members/member-history.js';
import { flagsOf, ownedFieldStates } from '../people/members/team-member-admin.js';
import type { NotificationState } from '../people/notifications/notification-state.js';
import { heldSeatTypeIds, requestedSeatTypeIds } from '../people/company/effective-settings.js';
import type { EffectiveSettings } from '../store/company-config.js';
import type { RejectionRecord } from '../store/rejections.js';
import type { TeamMemberRecord } from '../store/team-members.js';

/** A member in admin lists: profile, who owns each field, manager, groups, settings, flags. */
export function teamMemberSummary(member: TeamMemberRecord) {
  return {
    id: member.id,
    userName: member.userName,
    active: member.active,
    profile: member.attributes,
    fields: Object.fromEntries(ownedFieldStates(member).map(({ field, ...state }) => [field, state])),
    managerId: member.managerId ?? null,
    managerResolution: member.resolved.managerResolution,
    resolvedTimeZone: member.resolved.resolvedTimeZone,
    groupIds: member.groupIds,
    effectiveSettings: member.effective ? effectiveSettingsView(member.effective) : null,
    flags: flagsOf(member),
  };
}

/** One member: the summary, its direct reports, and what became of its manager's notification. */
export function teamMemberView({ member, directReportIds, notification }: { member: TeamMemberRecord; directReportIds: string[]; notification: NotificationState }) {
  return { ...teamMemberSummary(member), directReportIds, notification };
}

/** A history entry as the admin API returns it (the tenant and member are the URL's). */
export const historyEntryView = ({ tenantId: _tenant, memberId: _member, ...entry }: MemberHistoryEntry) => entry;

/** The seats the assignment requests and the seats the member holds, named so. */
function effectiveSettingsView(settings: EffectiveSettings) {
  const { grantedSeatTypeIds: _requested, seatTypeIds: _held, ...rest } = settings;
  return { ...rest, requestedSeatTypeIds: requestedSeatTypeIds(settings), heldSeatTypeIds: heldSeatTypeIds(settings) };
}

export const rejectionView = ({ tenantId: _tenant, ...rejection }: RejectionRecord) => rejection;

export const flaggedMemberView = (member: TeamMemberRecord) => ({ id: member.id, userName: member.userName, flags: flagsOf(member) });
