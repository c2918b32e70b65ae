import type { VNode } from 'preact';
import type { ConnectionView } from '../../../auth/connections.js';
import { dayOf, minuteOf } from '../../components/dates.js';
import { ConfirmDeletePage, CsrfField, Page, Problems, type Viewer, ScrollingTable, Notice } from '../../components/layout.js';
import { NewSecretPage } from '../../components/new-secret-page.js';

const base = '/console/admin/connections';
const pathOf = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** What Okta's provisioning set-up asks for, ready to paste. */
export interface SetupValues {
  scimBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
}

const SOURCE_WORDS = { okta: 'Okta', custom: 'Other SCIM client' } as const;

interface ConnectionsProps {
  viewer: Viewer;
  connections: ConnectionView[];
  setup: SetupValues;
  notice?: string;
  problems?: string[];
}

export function ConnectionsPage({ viewer, connections, setup, notice, problems }: ConnectionsProps): VNode {
  return (
    <Page title="Connections and tokens" viewer={viewer} section="connections">
      <h1>Connections and tokens</h1>
      <Notice notice={notice} />
      <Problems problems={problems} summary="The connection was not created:" />
      <section class="card" aria-labelledby="setup-heading">
        <h2 id="setup-heading">Okta setup values</h2>
        <p class="muted">Paste these into the Roster app’s Provisioning tab in Okta.</p>
        <SetupField id="scim-base" label="SCIM connector base URL" value={setup.scimBaseUrl} />
        <SetupField id="authorize" label="OAuth authorize endpoint" value={setup.authorizeUrl} />
        <SetupField id="token" label="OAuth token endpoint" value={setup.tokenUrl} />
      </section>
      <h2>Connections</h2>
      <p class="muted">One per Okta app instance (or other SCIM client), each with its own tokens.</p>
      {connections.length === 0 ? (
        <p class="card">No connection yet.</p>
      ) : (
        <ScrollingTable label="Connections">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Source</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((connection) => (
              <tr key={connection.id}>
                <th scope="row">{connection.name}</th>
                <td>{SOURCE_WORDS[connection.source]}</td>
                <td>{dayOf(connection.createdAt)}</td>
                <td>{connection.lastUsedAt ? minuteOf(connection.lastUsedAt) : 'Never'}</td>
                <td>
                  <div class="actions">
                    <form method="post" action={`${pathOf(connection.id)}/tokens`} class="inline">
                      <CsrfField token={viewer.csrfToken} />
                      <button type="submit" aria-label={`Generate SCIM token for ${connection.name}`}>
                        Generate SCIM token
                      </button>
                    </form>
                    <a href={`${pathOf(connection.id)}/delete`} aria-label={`Delete ${connection.name}`}>
                      Delete
                    </a>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <form method="post" action={base} class="card">
        <h2>Add a connection</h2>
        <CsrfField token={viewer.csrfToken} />
        <label for="connection-name">Name</label>
        <input type="text" id="connection-name" name="name" autocomplete="off" />
        <label for="connection-source">Source</label>
        <select id="connection-source" name="source">
          <option value="okta">Okta</option>
          <option value="custom">Other SCIM client</option>
        </select>
        <div class="actions">
          <button type="submit" class="primary">
            Add connection
          </button>
        </div>
      </form>
    </Page>
  );
}

function SetupField({ id, label, value }: { id: string; label: string; value: string }): VNode {
  return (
    <>
      <label for={id}>{label}</label>
      <input type="text" id={id} value={value} readonly />
    </>
  );
}

export function NewTokenPage({ viewer, connection, token }: { viewer: Viewer; connection: ConnectionView; token: string }): VNode {
  return (
    <NewSecretPage viewer={viewer} section="connections" title="New SCIM token" heading={`New SCIM token for ${connection.name}`} label="SCIM token" secret={token} back={base}>
      Copy it now and paste it into Okta as the API token: Roster keeps only a hash of it, so this page is the only time it is shown. Earlier tokens of this
      connection keep working.
    </NewSecretPage>
  );
}

export function DeleteConnectionPage({ viewer, connection }: { viewer: Viewer; connection: ConnectionView }): VNode {
  return (
    <ConfirmDeletePage viewer={viewer} section="connections" name={connection.name} action={`${pathOf(connection.id)}/delete`} button="Delete connection" back={base}>
      <p>
        Provisioning through <strong>{connection.name}</strong> stops at once: every SCIM token and every OAuth sign-in of this connection is refused from
        then on, so {connection.source === 'okta' ? 'Okta' : 'its SCIM client'} can no longer create, update or deactivate team members through it. Team
        members it already provisioned stay.
      </p>
    </ConfirmDeletePage>
  );
}
