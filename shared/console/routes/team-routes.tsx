import type { SessionRecord } from '../../auth/console/sessions.js';
import { myTeam, setReportDataCapture } from '../../people/members/my-team.js';
import { companySettings } from '../../people/company/companies.js';
import { personName } from '../../people/notifications/new-report.js';
import { notFound, RosterError } from '../../errors.js';
import { getTeamMember } from '../../store/team-members.js';
import { htmlResult, redirect, type Viewer } from '../components/layout.js';
import type { ConsoleRequest, ConsoleRoute } from '../console-types.js';
import { SignInRequired } from '../console-handler.js';
import { MyTeamPage } from '../pages/my-team-page.js';

function requireSession(request: ConsoleRequest, next: string): SessionRecord {
  if (!request.session) throw new SignInRequired(next, request.params.company);
  return request.session;
}

async function viewerOf(session: SessionRecord): Promise<Viewer> {
  // The header's company name may be 30 s old (the warm function's settings cache): it costs no read.
  const [company, member] = await Promise.all([
    companySettings(session.tenantId),
    session.subject.kind === 'member' ? getTeamMember(session.tenantId, session.subject.memberId) : undefined,
  ]);
  if (!company) throw new RosterError(403, 'This company no longer exists.');
  return { companyName: company.name, personName: member ? personName(member) : 'Admin token', csrfToken: session.csrfToken };
}

export const teamRoutes = {
  'GET /console/team': async (request) => {
    const session = requireSession(request, '/console/team');
    const viewer = await viewerOf(session);
    if (session.subject.kind !== 'member') return htmlResult(200, <MyTeamPage viewer={viewer} />);
    const team = await myTeam(session.tenantId, session.subject.memberId, request.params.cursor);
    const updated = request.params.updated ? team.reports.find((report) => report.id === request.params.updated) : undefined;
    return htmlResult(200, <MyTeamPage viewer={viewer} reports={team.reports} nextCursor={team.nextCursor} updated={updated} />);
  },

  'POST /console/team/{id}/data-capture': async (request) => {
    const session = requireSession(request, '/console/team');
    if (session.subject.kind !== 'member') throw notFound('This person is not in your team.');
    const on = request.params.on === 'true';
    const report = await setReportDataCapture(session.tenantId, session.subject.memberId, request.pathParameters.id!, on);
    return redirect(`/console/team?updated=${encodeURIComponent(report.id)}`);
  },
} satisfies Record<string, ConsoleRoute>;
