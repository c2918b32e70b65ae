import { Fragment, type VNode } from 'preact';
import { Page, type Viewer } from '../../components/layout.js';
import type { ListedMember } from './overview-pages.js';

export function TeamMembersPage({ viewer, query, found }: { viewer: Viewer; query: string; found?: ListedMember[] }): VNode {
  return (
    <Page title="Team members" viewer={viewer} section="team-members">
      <h1>Team members</h1>
      <form method="get" action="/console/admin/team-members" class="card" role="search">
        <label for="q">Find a team member by work email or full name</label>
        <input type="search" id="q" name="q" value={query} />
        <div class="actions">
          <button type="submit" class="primary">
            Find
          </button>
        </div>
      </form>
      {found &&
        (found.length === 0 ? (
          <p role="status">Nobody has the email or full name “{query}”.</p>
        ) : (
          <ul class="card" aria-label="Found">
            {found.map((member) => (
              <li key={member.id}>
                <a href={`/console/admin/team-members/${encodeURIComponent(member.id)}`}>{member.name}</a> <span class="muted">({member.userName})</span>
              </li>
            ))}
          </ul>
        ))}
    </Page>
  );
}

export interface MemberDetails {
  name: string;
  userName: string;
  active: boolean;
  fields: Array<{ field: string; value: string; source: string; editableByHand: boolean }>;
  manager?: { id: string; name: string };
  managerResolution: string;
  reports: Array<{ id: string; name: string }>;
  groups: string[];
  assignment: string;
  seats: string;
  permissions: string;
  dataCapture: string;
  flags: string[];
}

const SOURCE_WORDS: Record<string, string> = { provider: 'from Okta', manual: 'set by hand', empty: 'empty' };

export function TeamMemberPage({ viewer, member }: { viewer: Viewer; member: MemberDetails }): VNode {
  return (
    <Page title={member.name} viewer={viewer} section="team-members">
      <p>
        <a href="/console/admin/team-members">Team members</a>
      </p>
      <h1>{member.name}</h1>
      {member.flags.length > 0 && (
        <p class="warning">
          To look at: {member.flags.join('; ')}
        </p>
      )}
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl class="facts">
          <dt>User name</dt>
          <dd>{member.userName}</dd>
          <dt>Status</dt>
          <dd>{member.active ? 'Active' : 'Deactivated'}</dd>
          {member.fields.map((field) => (
            <Fragment key={field.field}>
              <dt>{field.field}</dt>
              <dd>
                {field.value || '—'} <span class="muted">({SOURCE_WORDS[field.source] ?? field.source}{field.editableByHand ? '; can be set by hand once' : ''})</span>
              </dd>
            </Fragment>
          ))}
        </dl>
      </section>
      <section class="card" aria-labelledby="people-heading">
        <h2 id="people-heading">Manager and direct reports</h2>
        <dl class="facts">
          <dt>Manager</dt>
          <dd>{member.manager ? <a href={`/console/admin/team-members/${encodeURIComponent(member.manager.id)}`}>{member.manager.name}</a> : `None (${member.managerResolution})`}</dd>
          <dt>Direct reports</dt>
          <dd>
            {member.reports.length
              ? member.reports.map((report, index) => (
                  <Fragment key={report.id}>
                    {index > 0 && ', '}
                    <a href={`/console/admin/team-members/${encodeURIComponent(report.id)}`}>{report.name}</a>
                  </Fragment>
                ))
              : 'None'}
          </dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Groups and effective settings</h2>
        <dl class="facts">
          <dt>Okta groups</dt>
          <dd>{member.groups.join(', ') || 'None'}</dd>
          <dt>Assignment</dt>
          <dd>{member.assignment}</dd>
          <dt>Seats</dt>
          <dd>{member.seats}</dd>
          <dt>Permission profiles</dt>
          <dd>{member.permissions}</dd>
          <dt>Data capture</dt>
          <dd>{member.dataCapture}</dd>
        </dl>
      </section>
    </Page>
  );
}
