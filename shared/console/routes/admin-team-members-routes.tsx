import { getCompanyConfig } from '../../people/company/company-config-admin.js';
import { assignmentName } from '../../people/company/assignment-name.js';
import { heldSeatTypeIds } from '../../people/company/effective-settings.js';
import { getGroups } from '../../people/groups/group-directory.js';
import { memberHistoryPage } from '../../people/members/member-history.js';
import { profileEdit } from '../../people/members/member-schemas.js';
import { eraseTeamMember } from '../../people/members/erasure.js';
import { editTeamMember, flagsOf, listTeamMembersForAdmin, ownedFieldStates, teamMemberWithReports, visibleTeamMember } from '../../people/members/team-member-admin.js';
import { searchTeamMembers } from '../../people/members/team-member-directory.js';
import { personName } from '../../people/notifications/new-report.js';
import { getTeamMember, getTeamMembers } from '../../store/team-members.js';
import { RosterError } from '../../errors.js';
import { htmlResult, redirect } from '../components/layout.js';
import { parseForm } from '../forms/form-values.js';
import { consolePrincipal } from '../console-principal.js';
import type { ConsoleRoute } from '../console-types.js';
import { grantSummary } from '../forms/grant-form.js';
import { EraseTeamMemberPage, FLAG_CHOICES, TeamMembersPage, TeamMemberPage, type MemberDetails } from '../pages/admin/team-members-page.js';
import { signedInAdmin } from '../viewer.js';
import { flagInWords } from '../pages/admin/flag-words.js';

/** Direct reports named on a member's page; the rest are a click on a report's manager away. */
const REPORTS_SHOWN = 50;
/** Members read per page of a flag's list (the list index): a page never loads the whole company. */
const MEMBERS_PER_PAGE = 100;
/** History entries on a member's page; the admin API pages through the rest. */
const HISTORY_SHOWN = 20;

const show = (value: unknown): string => (value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** Finding a member (identifier edges, no scan) and one member's page. */
export const adminTeamMembersRoutes = {
  'GET /console/admin/team-members': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    const query = (request.params.q ?? '').slice(0, 320);
    const tenantId = who.session.tenantId;
    const flag = Object.hasOwn(FLAG_CHOICES, request.params.flag ?? '') ? (request.params.flag as keyof typeof FLAG_CHOICES) : undefined;
    const cursor = request.params.cursor?.slice(0, 2000);
    const [found, flaggedPage] = await Promise.all([
      query.trim() ? searchTeamMembers(tenantId, query) : undefined,
      flag ? listTeamMembersForAdmin(tenantId, { flag, count: MEMBERS_PER_PAGE, ...(cursor ? { cursor } : {}) }) : undefined,
    ]);
    const listed = found?.map((member) => ({ id: member.id, name: personName(member), userName: member.userName, flags: [] }));
    const flagged = flag && flaggedPage && { flag, members: flaggedPage.items.map((member) => ({ id: member.id, name: personName(member), userName: member.userName, flags: flagsOf(member) })), ...(flaggedPage.nextCursor ? { nextCursor: flaggedPage.nextCursor } : {}) };
    // The erased person's name is gone from Roster: the notice does not name them.
    const notice = request.params.erased ? 'The team member was deleted and their personal data erased.' : undefined;
    return htmlResult(200, <TeamMembersPage viewer={who.viewer} query={query} {...(listed ? { found: listed } : {})} {...(flagged ? { flagged } : {})} {...(notice ? { notice } : {})} />);
  },

  'GET /console/admin/team-members/{id}': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    const saved = request.params.saved ? `${request.params.saved} saved.` : undefined;
    return htmlResult(200, <TeamMemberPage viewer={who.viewer} member={await memberDetails(who.session.tenantId, request.pathParameters.id!)} {...(saved ? { notice: saved } : {})} />);
  },

  /** Sets one empty field by hand, under the same ownership rules as the admin API's PATCH. */
  'POST /console/admin/team-members/{id}/profile': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    const id = request.pathParameters.id!;
    const { field = '', value = '' } = request.params;
    const edit = parseForm(profileEdit, { [field]: field === 'phoneNumbers' ? [{ value, type: 'work', primary: true }] : value });
    try {
      if (!edit.ok) throw new RosterError(400, edit.problems.join(' '));
      await editTeamMember(consolePrincipal(who.session.tenantId), id, { profile: edit.value });
    } catch (error) {
      if (!(error instanceof RosterError) || error.status >= 500 || error.status === 404) throw error;
      return htmlResult(error.status, <TeamMemberPage viewer={who.viewer} member={await memberDetails(who.session.tenantId, id)} problems={[error.message]} />);
    }
    return redirect(`/console/admin/team-members/${encodeURIComponent(id)}?saved=${encodeURIComponent(field)}`);
  },

  'GET /console/admin/team-members/{id}/erase': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    const member = await visibleTeamMember(who.session.tenantId, request.pathParameters.id!);
    return htmlResult(200, <EraseTeamMemberPage viewer={who.viewer} member={{ id: member.id, name: personName(member) }} />);
  },

  /** Erasure on a person's request, as the admin API's POST …/erase does it. */
  'POST /console/admin/team-members/{id}/erase': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/team-members');
    await eraseTeamMember(consolePrincipal(who.session.tenantId), request.pathParameters.id!);
    return redirect('/console/admin/team-members?erased=1');
  },
} satisfies Record<string, ConsoleRoute>;

/** Everything the member page shows, read without loading more than one page of anything. */
async function memberDetails(tenantId: string, id: string): Promise<MemberDetails> {
  const { member, directReportIds, notification } = await teamMemberWithReports(tenantId, id);
  const [config, manager, reports, groups, history] = await Promise.all([
    getCompanyConfig(tenantId),
    member.managerId ? getTeamMember(tenantId, member.managerId) : undefined,
    getTeamMembers(tenantId, directReportIds.slice(0, REPORTS_SHOWN)),
    getGroups(tenantId, member.groupIds),
    memberHistoryPage(tenantId, member.id, { limit: HISTORY_SHOWN }),
  ]);
  const settings = member.effective;
  const summary = settings ? grantSummary({ seatTypeIds: heldSeatTypeIds(settings), permissions: settings.permissions, dataCapture: settings.dataCapture }, config) : undefined;
  return {
    id: member.id,
    name: personName(member),
    userName: member.userName,
    active: member.active,
    fields: ownedFieldStates(member).map((state) => ({ ...state, value: show(state.value) })),
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
}
