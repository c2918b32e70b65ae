import { myTeam, setReportDataCapture } from '../../people/members/my-team.js';
import { notFound } from '../../errors.js';
import { htmlResult, redirect } from '../components/layout.js';
import type { ConsoleRoute } from '../console-types.js';
import { MyTeamPage } from '../pages/my-team-page.js';
import { signedIn } from '../viewer.js';

export const teamRoutes = {
  'GET /console/team': async (request) => {
    const { session, viewer } = await signedIn(request, '/console/team');
    if (session.subject.kind !== 'member') return htmlResult(200, <MyTeamPage viewer={viewer} />);
    const team = await myTeam(session.tenantId, session.subject.memberId, request.params.cursor);
    const updated = request.params.updated ? team.reports.find((report) => report.id === request.params.updated) : undefined;
    return htmlResult(200, <MyTeamPage viewer={viewer} reports={team.reports} nextCursor={team.nextCursor} updated={updated} />);
  },

  'POST /console/team/{id}/data-capture': async (request) => {
    const { session } = await signedIn(request, '/console/team');
    if (session.subject.kind !== 'member') throw notFound('This person is not in your team.');
    const on = request.params.on === 'true';
    const report = await setReportDataCapture(session.tenantId, session.subject.memberId, request.pathParameters.id!, on);
    return redirect(`/console/team?updated=${encodeURIComponent(report.id)}`);
  },
} satisfies Record<string, ConsoleRoute>;
