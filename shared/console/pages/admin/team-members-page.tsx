import { Fragment, type VNode } from 'preact';
import { ConfirmDeletePage, CsrfField, Page, Problems, type Viewer, Notice } from '../../components/layout.js';
import { MemberList, type ListedMember } from './overview-pages.js';

/** The flags an admin can list members by, in words (the keys are the fields flags are about). */
export const FLAG_CHOICES = {
  seatShortage: 'Short of a seat',
  manager: 'Ambiguous manager',
  managerEmail: 'No manager email under an automatic assignment',
  phoneNumbers: 'Unreadable phone number',
  country: 'Unknown country',
  stateOrProvince: 'Unknown state or province',
  timezone: 'Unknown time zone',
  locale: 'Unknown locale',
} as const;

interface FlaggedList {
  flag: keyof typeof FLAG_CHOICES;
  members: ListedMember[];
  nextCursor?: string;
}

export function TeamMembersPage({ viewer, query, found, flagged, notice }: { viewer: Viewer; query: string; found?: ListedMember[]; flagged?: FlaggedList; notice?: string }): VNode {
  return (
    <Page title="Team members" viewer={viewer} section="team-members">
      <h1>Team members</h1>
      <Notice notice={notice} />
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
      <form method="get" action="/console/admin/team-members" class="card">
        <label for="flag">Show the members flagged for</label>
        <select id="flag" name="flag">
          {Object.entries(FLAG_CHOICES).map(([flag, words]) => (
            <option key={flag} value={flag} selected={flagged?.flag === flag}>
              {words}
            </option>
          ))}
        </select>
        <div class="actions">
          <button type="submit">Show</button>
        </div>
      </form>
      {flagged && <FlaggedMembers {...flagged} />}
    </Page>
  );
}

/** One page of the company's members (the list index), those of them with the flag. */
function FlaggedMembers({ flag, members, nextCursor }: FlaggedList): VNode {
  return (
    <section aria-labelledby="flagged-heading">
      <h2 id="flagged-heading">{FLAG_CHOICES[flag]}</h2>
      <MemberList members={members} label="Flagged" empty={`Nobody on this page of team members${nextCursor ? '; the next page may have some' : ''}.`} />
      {nextCursor && (
        <nav class="pages" aria-label="Pages">
          <a href={`/console/admin/team-members?flag=${flag}`}>First page</a>
          <a href={`/console/admin/team-members?flag=${flag}&cursor=${encodeURIComponent(nextCursor)}`}>Next page of team members</a>
        </nav>
      )}
    </section>
  );
}

export interface MemberDetails {
  id: string;
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
  /** What became of the manager's email about this member's import, in words. */
  notification: string;
  /** The latest history entries, newest first. */
  history: Array<{ at: string; actor: string; event: string; changes: Array<{ field: string; from: unknown; to: unknown }>; detail?: Record<string, unknown> }>;
}

const EVENT_WORDS: Record<string, string> = {
  created: 'Created',
  profileChanged: 'Profile changed',
  activated: 'Activated',
  deactivated: 'Deactivated',
  deleted: 'Deleted',
  managerLinked: 'Manager linked',
  managerChanged: 'Manager changed',
  managerUnlinked: 'Manager unlinked',
  groupsChanged: 'Groups changed',
  settingsRecomputed: 'Settings recomputed',
  settingsEdited: 'Settings edited by hand',
  dataCaptureChanged: 'Data capture switched',
  notificationQueued: 'Manager email queued',
  notificationNotQueued: 'Manager email not queued',
  notificationSent: 'Manager email sent',
  notificationNotSent: 'Manager email not sent',
};

/** Who made a change, in words (see shared/people/actors.ts). */
export function actorWords(actor: string): string {
  if (actor === 'admin') return 'Tech admin';
  if (actor === 'roster') return 'Roster';
  const [kind, id] = [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)];
  if (kind === 'connection') return `Provisioning connection ${id}`;
  if (kind === 'manager') return `Manager ${id}`;
  return actor;
}

const value = (inner: unknown): string => (inner === null || inner === undefined ? '—' : typeof inner === 'string' ? inner : JSON.stringify(inner));

function entryWords(entry: MemberDetails['history'][number]): string {
  const changes = entry.changes.map((change) => `${change.field}: ${value(change.from)} → ${value(change.to)}`);
  const detail = entry.detail ? Object.entries(entry.detail).map(([name, inner]) => `${name}: ${value(inner)}`) : [];
  return [...changes, ...detail].join('; ');
}

const SOURCE_WORDS: Record<string, string> = { provider: 'from Okta', manual: 'set by hand', empty: 'empty' };

const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  phoneNumbers: 'Phone',
  timezone: 'Time zone',
  primaryPhoneExtension: 'Phone extension',
  managerEmail: 'Manager email',
  managerFullName: 'Manager full name',
  country: 'Country',
  stateOrProvince: 'State or province',
};

export function TeamMemberPage({ viewer, member, notice, problems }: { viewer: Viewer; member: MemberDetails; notice?: string; problems?: string[] }): VNode {
  return (
    <Page title={member.name} viewer={viewer} section="team-members">
      <p>
        <a href="/console/admin/team-members">Team members</a>
      </p>
      <h1>{member.name}</h1>
      <Notice notice={notice} />
      <Problems problems={problems} summary="Nothing was saved:" />
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
              <dt>{FIELD_WORDS[field.field] ?? field.field}</dt>
              <dd>
                {field.value || '—'} <span class="muted">({SOURCE_WORDS[field.source] ?? field.source}{field.editableByHand ? '; can be set by hand once' : ''})</span>
                {field.editableByHand && <SetByHand memberId={member.id} field={field.field} label={FIELD_WORDS[field.field] ?? field.field} csrfToken={viewer.csrfToken} />}
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
      <section class="card" aria-labelledby="notification-heading">
        <h2 id="notification-heading">Manager’s email about this import</h2>
        <p>{member.notification}</p>
      </section>
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {member.history.length ? (
          <div class="table-wrap">
            <table>
              <caption class="muted">Newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {member.history.map((entry, index) => (
                  <tr key={index}>
                    <td>{entry.at}</td>
                    <td>{actorWords(entry.actor)}</td>
                    <td>{EVENT_WORDS[entry.event] ?? entry.event}</td>
                    <td>{entryWords(entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No changes recorded yet.</p>
        )}
        <p class="muted">The latest changes; the admin API’s GET /admin/v1/team-members/{'{id}'}/history pages through all of them.</p>
      </section>
      <section class="card" aria-labelledby="erase-heading">
        <h2 id="erase-heading">Erase personal data</h2>
        <p>When this person asks for their data to be erased: Roster deletes them and removes every personal value it holds about them, history included.</p>
        <p>
          <a href={`/console/admin/team-members/${encodeURIComponent(member.id)}/erase`}>Erase {member.name}’s personal data…</a>
        </p>
      </section>
    </Page>
  );
}

/** An empty field set by hand: once set, the field is the admin's until Okta sends a value. */
function SetByHand({ memberId, field, label, csrfToken }: { memberId: string; field: string; label: string; csrfToken: string }): VNode {
  const id = `set-${field}`;
  return (
    <form method="post" action={`/console/admin/team-members/${encodeURIComponent(memberId)}/profile`} class="set-by-hand">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="field" value={field} />
      <label for={id}>Set {label.toLowerCase()} by hand</label>
      <input type="text" id={id} name="value" required />
      <button type="submit">Set</button>
    </form>
  );
}

export function EraseTeamMemberPage({ viewer, member }: { viewer: Viewer; member: { id: string; name: string } }): VNode {
  const path = `/console/admin/team-members/${encodeURIComponent(member.id)}`;
  return (
    <ConfirmDeletePage viewer={viewer} section="team-members" verb="Erase" name={member.name} action={`${path}/erase`} button="Erase personal data" back={path}>
      <p>This cannot be undone. Roster then:</p>
      <ul>
        <li>deletes {member.name} as a deprovisioning would: out of their groups, no longer anyone’s manager, their seat freed;</li>
        <li>removes their name, emails, phone numbers, addresses and every other personal value, and redacts their history;</li>
        <li>frees their user name: if Okta pushes them again, they come back as a new team member.</li>
      </ul>
      <p>Unassign them from the Roster app in Okta first, or Okta’s next push creates them again.</p>
    </ConfirmDeletePage>
  );
}
