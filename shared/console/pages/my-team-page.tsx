import type { VNode } from 'preact';
import type { TeamReport } from '../../people/members/my-team.js';
import { CsrfField, Page, type Viewer } from '../components/layout.js';

const CAPTURE_WORDS: Record<TeamReport['recording'][number], string> = {
  webConferences: 'web conferences',
  calendarMeetings: 'calendar meetings',
  telephonyCalls: 'telephony calls',
  emails: 'emails',
  mobileCalls: 'mobile calls',
};

interface MyTeamProps {
  viewer: Viewer;
  /** Absent for a session that is not a team member (the admin token). */
  reports?: TeamReport[];
  nextCursor?: string;
  updated?: TeamReport;
}

export function MyTeamPage({ viewer, reports, nextCursor, updated }: MyTeamProps): VNode {
  return (
    <Page title="My team" viewer={viewer}>
      <h1>My team</h1>
      {updated && (
        <p class="notice" role="status">
          Data capture for {updated.name} is now {updated.dataCaptureActive ? 'on' : 'off'}.
        </p>
      )}
      {reports === undefined ? (
        <div class="card">
          <p>You are signed in with {viewer.companyName}’s admin token, not as a team member, so no team reports to you here.</p>
        </div>
      ) : reports.length === 0 ? (
        <div class="card">
          <p>No active team member reports to you in Roster.</p>
          <p class="muted">Your team is built from the manager recorded for each person in your company’s identity provider.</p>
        </div>
      ) : (
        <ul class="people">
          {reports.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} csrfToken={viewer.csrfToken} />
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <nav class="pages" aria-label="Pages">
          <a href="/console/team">First page</a>
          <a href={`/console/team?cursor=${encodeURIComponent(nextCursor)}`}>Next page</a>
        </nav>
      )}
    </Page>
  );
}

function ReportCard({ report, csrfToken }: { report: TeamReport; csrfToken: string }): VNode {
  const headingId = `member-${report.id}`;
  return (
    <article class="card person" aria-labelledby={headingId}>
      <h2 id={headingId}>{report.name}</h2>
      {report.title && <p class="muted">{report.title}</p>}
      <dl>
        <dt>Email</dt>
        <dd>{report.email ?? '—'}</dd>
        <dt>Seat</dt>
        <dd>{report.seats.length ? report.seats.join(', ') : 'None'}</dd>
        <dt>Assignment</dt>
        <dd>{report.assignmentName}</dd>
        <dt>Data capture</dt>
        <dd>
          <span class={`badge ${report.dataCaptureActive ? 'on' : 'off'}`}>{report.dataCaptureActive ? 'On' : 'Off'}</span>
          {report.dataCaptureActive && report.recording.length > 0 && <> records {report.recording.map((kind) => CAPTURE_WORDS[kind]).join(', ')}</>}
        </dd>
      </dl>
      {report.control.canChange ? (
        <form method="post" action={`/console/team/${encodeURIComponent(report.id)}/data-capture`}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="on" value={report.dataCaptureActive ? 'false' : 'true'} />
          <button type="submit" aria-describedby={headingId}>
            {report.dataCaptureActive ? 'Turn data capture off' : 'Turn data capture on'}
          </button>
        </form>
      ) : (
        <p class="reason">{report.control.reason}</p>
      )}
    </article>
  );
}
