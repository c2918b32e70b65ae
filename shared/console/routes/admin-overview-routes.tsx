import { getCompanyConfig } from '../../people/company/company-config-admin.js';
import { flagsOf, importProblems, listTeamMembersForAdmin } from '../../people/members/team-member-admin.js';
import { personName } from '../../people/notifications/new-report.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import { htmlResult } from '../components/layout.js';
import type { ConsoleRoute } from '../console-types.js';
import { ImportErrorsPage, SeatsPage, type ListedMember } from '../pages/admin/overview-pages.js';
import { signedInAdmin } from '../viewer.js';

/** Members are read one page at a time (the list index), so a view never loads the whole company. */
const MEMBERS_PER_PAGE = 100;

const listed =
  (seatName?: (seatTypeId: string) => string) =>
  (member: TeamMemberRecord): ListedMember => ({ id: member.id, name: personName(member), userName: member.userName, flags: flagsOf(member, seatName) });
const cursorOf = (params: Record<string, string>) => (params.cursor ? params.cursor.slice(0, 2000) : undefined);

/** Seats and workspaces; import errors. */
export const adminOverviewRoutes = {
  'GET /console/admin/seats': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/seats');
    const tenantId = who.session.tenantId;
    const cursor = cursorOf(request.params);
    const [config, short] = await Promise.all([
      getCompanyConfig(tenantId),
      listTeamMembersForAdmin(tenantId, { seatShortage: true, count: MEMBERS_PER_PAGE, ...(cursor ? { cursor } : {}) }),
    ]);
    return htmlResult(200, <SeatsPage viewer={who.viewer} config={config} short={short.items.map(listed((seatTypeId) => config.seatTypes.find((seat) => seat.id === seatTypeId)?.name ?? seatTypeId))} {...(short.nextCursor ? { nextCursor: short.nextCursor } : {})} />);
  },

  'GET /console/admin/import-errors': async (request) => {
    const who = await signedInAdmin(request, '/console/admin/import-errors');
    const problems = await importProblems(who.session.tenantId, cursorOf(request.params));
    return htmlResult(
      200,
      <ImportErrorsPage viewer={who.viewer} rejections={problems.rejections} flagged={problems.flagged.map(listed())} {...(problems.nextCursor ? { nextCursor: problems.nextCursor } : {})} />,
    );
  },
} satisfies Record<string, ConsoleRoute>;
