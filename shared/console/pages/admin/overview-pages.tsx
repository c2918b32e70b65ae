import type { VNode } from 'preact';
import { minuteOf } from '../../components/dates.js';
import type { CompanyConfig } from '../../../store/company-config.js';
import type { RejectionRecord } from '../../../store/rejections.js';
import { flagInWords } from './flag-words.js';
import { Page, type Viewer, ScrollingTable } from '../../components/layout.js';

/** A member in an admin list: name, user name, what is wrong. */
export interface ListedMember {
  id: string;
  name: string;
  userName: string;
  flags: string[];
}

const CAPABILITY_WORDS = { dataCapture: 'data capture', forecast: 'forecast', engage: 'engage' } as const;

export function SeatsPage({ viewer, config, short, nextCursor }: { viewer: Viewer; config: CompanyConfig; short: ListedMember[]; nextCursor?: string }): VNode {
  return (
    <Page title="Seats and workspaces" viewer={viewer} section="seats">
      <h1>Seats and workspaces</h1>
      <h2>Seat types</h2>
      {config.seatTypes.length === 0 ? (
        <p class="card">No seat types yet.</p>
      ) : (
        <ScrollingTable label="Seat types">
          <thead>
            <tr>
              <th scope="col">Seat type</th>
              <th scope="col">Total</th>
              <th scope="col">In use</th>
              <th scope="col">Free</th>
              <th scope="col">Unlocks</th>
            </tr>
          </thead>
          <tbody>
            {config.seatTypes.map((seat) => (
              <tr key={seat.id}>
                <th scope="row">{seat.name}</th>
                <td>{seat.total}</td>
                <td>{seat.inUse}</td>
                <td>{Math.max(0, seat.total - seat.inUse)}</td>
                <td>{seat.capabilities.map((capability) => CAPABILITY_WORDS[capability]).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <h2>Short of seats</h2>
      <MemberList members={short} empty="Nobody on this page of team members is short of a seat." />
      {nextCursor && (
        <nav class="pages" aria-label="Pages">
          <a href="/console/admin/seats">First page</a>
          <a href={`/console/admin/seats?cursor=${encodeURIComponent(nextCursor)}`}>Next page of team members</a>
        </nav>
      )}
      <h2>Workspaces</h2>
      {config.workspaces.length === 0 && <p class="card">No workspaces yet.</p>}
      {config.workspaces.map((workspace) => (
        <section class="card" key={workspace.id} aria-label={workspace.name}>
          <h3>{workspace.name}</h3>
          <ul>
            {workspace.permissionProfiles.map((profile) => (
              <li key={profile.id}>
                {profile.name}
                {profile.requiresSeatTypeId && <span class="muted"> — needs a {config.seatTypes.find((seat) => seat.id === profile.requiresSeatTypeId)?.name ?? profile.requiresSeatTypeId} seat</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

/** Members with what is wrong with each, each linked to their page. */
export function MemberList({ members, empty, label }: { members: ListedMember[]; empty: string; label?: string }): VNode {
  if (!members.length) return <p class="card">{empty}</p>;
  return (
    <ul class="card" aria-label={label}>
      {members.map((member) => (
        <li key={member.id}>
          <a href={`/console/admin/team-members/${encodeURIComponent(member.id)}`}>{member.name}</a> <span class="muted">({member.userName})</span>
          {member.flags.length > 0 && <span> — {member.flags.map(flagInWords).join('; ')}</span>}
        </li>
      ))}
    </ul>
  );
}

/** The import rules in an admin's words. */
const RULE_WORDS: Record<string, string> = {
  givenName: 'A first name is required',
  familyName: 'A last name is required',
  primaryEmail: 'A primary email is required',
  emailDomain: 'The email must be at one of the company’s domains',
  timezone: 'The time zone must be one Roster knows',
};

export function ImportErrorsPage({ viewer, rejections, flagged, nextCursor }: { viewer: Viewer; rejections: RejectionRecord[]; flagged: ListedMember[]; nextCursor?: string }): VNode {
  return (
    <Page title="Import errors" viewer={viewer} section="import-errors">
      <h1>Import errors</h1>
      <h2>Not imported</h2>
      <p class="muted">People Okta pushed that Roster refused, newest first (kept 90 days). Fix them in Okta; Okta retries the push.</p>
      {rejections.length === 0 ? (
        <p class="card">No import was refused.</p>
      ) : (
        <ScrollingTable label="Rejected imports">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Person</th>
              <th scope="col">Rule</th>
              <th scope="col">What to do</th>
            </tr>
          </thead>
          <tbody>
            {rejections.map((rejection) => (
              <tr key={`${rejection.at}${rejection.userName ?? ''}`}>
                <td>
                  <time datetime={rejection.at}>{minuteOf(rejection.at)} UTC</time>
                </td>
                <th scope="row">{rejection.userName ?? rejection.externalId ?? 'Unknown'}</th>
                <td>{RULE_WORDS[rejection.rule] ?? rejection.rule}</td>
                <td>{rejection.detail}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <h2>Imported, with something to look at</h2>
      <MemberList members={flagged} empty="Nobody on this page of team members is flagged." />
      {nextCursor && (
        <nav class="pages" aria-label="Pages">
          <a href="/console/admin/import-errors">First page</a>
          <a href={`/console/admin/import-errors?cursor=${encodeURIComponent(nextCursor)}`}>Next page of team members</a>
        </nav>
      )}
    </Page>
  );
}
