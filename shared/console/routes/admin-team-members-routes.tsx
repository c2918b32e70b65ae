import { getCompanyConfig } from '../../people/company/company-config-admin.js';
import { assignmentName } from '../../people/company/assignment-name.js';
import { heldSeatTypeIds } from '../../people/company/effective-settings.js';
import { getGroups } from '../../people/groups/group-directory.js';
import { memberHistoryPage } from '../../people/members/member-history.js';
import { OWNED_FIELDS, readOwnedFields } from '../../people/members/owned-fields.js';
import { flagsOf, teamMemberWithReports } from '../../people/members/team-member-admin.js';
import { searchTeamMembers } from '../../people/members/team-member-directory.js';
import { personName } from '../../people/notifications/new-report.js';
import { getTeamMember, getTeamMembers } from '../../store/team-members.js';
import { htmlResult } from '../components/layout.js';
import type { ConsoleRoute } from '../console-types.js';
import { grantSummary } from '../forms/grant-form.js';
import { TeamMembersPage, TeamMemberPage } from '../pages/admin/team-members-page.js';
import { signedInAdmin } from '../viewer.js';
import { flagInWords } from '../pages/admin/flag-words.js';

/** Direct reports named on a member's page; the rest are a click on a report's manager away. */
const REPORTS_SHOWN = 50;
/** History entries on a member's page; the admin API pages through the rest. */
const HISTORY_SHOWN = 20;

const show = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** Finding a member (identifier edges, no scan) and one member's page. */
export const adminTeamMembersRoutes = {
  'GET /console/admin/team-members': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    const query = (request.params.q ?? '').slice(0, 320);
    const found = query.trim() ? await searchTeamMembers(who.session.tenantId, query) : undefined;
    const listed = found?.map((member) => ({ id: member.id, name: personName(member), userName: member.userName, flags: [] }));
    return htmlResult(200, <TeamMembersPage viewer={who.viewer} query={query} {...(listed ? { found: listed } : {})} />);
  },

  'GET /console/admin/team-members/{id}': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    const tenantId = who.session.tenantId;
    const { member, directReportIds, notification } = await teamMemberWithReports(tenantId, request.pathParameters.id!);
    const [config, manager, reports, groups, history] = await Promise.all([
      getCompanyConfig(tenantId),
      member.managerId ? getTeamMember(tenantId, member.managerId) : undefined,
      getTeamMembers(tenantId, directReportIds.slice(0, REPORTS_SHOWN)),
      getGroups(tenantId, member.groupIds),
      memberHistoryPage(tenantId, member.id, { limit: HISTORY_SHOWN }),
    ]);
    const values = readOwnedFields(member.attributes);
    const settings = member.effective;
    const summary = settings ? grantSummary({ seatTypeIds: heldSeatTypeIds(settings), permissions: settings.permissions, dataCapture: settings.dataCapture }, config) : undefined;
    const details = {
      name: personName(member),
      userName: member.userName,
      active: member.active,
      fields: Object.keys(OWNED_FIELDS).map((field) => {
        const source = member.ownership.sources[field];
        return { field, value: show(values[field]), source: source ?? 'empty', editableByHand: source === undefined };
      }),
      ...(manager ? { manager: { id: manager.id, name: personName(manager) } } : {}),
      managerResolution: member.resolved.managerResolution,
      reports: reports.map((report) => ({ id: report.id, name: personName(report) })),
      groups: groups.map((group) => group.displayName).sort(),
      assignment: assignmentName(member, config),
      seats: summary?.seats ?? 'Being computed',
      permissions: summary?.permissions ?? 'Being computed',
      dataCapture: settings ? (settings.dataCaptureActive ? summary!.dataCapture : 'Off') : 'Being computed',
      flags: flagsOf(member, (seatTypeId) => config.seatTypes.find((seat) => seat.id === seatTypeId)?.name ?? seatTypeId).map(flagInWords),
      notification: notification.summary,
      history: history.items,
    };
    return htmlResult(200, <TeamMemberPage viewer={who.viewer} member={details} />);
  },
} satisfies Record<string, ConsoleRoute>;
