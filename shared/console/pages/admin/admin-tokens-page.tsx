import type { VNode } from 'preact';
import type { AdminTokenSummary } from '../../../auth/admin-tokens.js';
import { ConfirmDeletePage, CsrfField, Notice, Page, Problems, ScrollingTable, type Viewer } from '../../components/layout.js';
import { dayOf, minuteOf } from '../../components/dates.js';
import { NewSecretPage } from '../../components/new-secret-page.js';

const base = '/console/admin/admin-tokens';
const pathOf = (id: string) => `${base}/${encodeURIComponent(id)}`;
const day = (at: string | null, never: string) => (at ? dayOf(at) : never);
const minute = (at: string | null) => (at ? minuteOf(at) : 'Never');
/** When a revoked token stops working: warm functions trust a resolved token TOKEN_CACHE_SECONDS. */
const refused = (cacheSeconds: number) => (cacheSeconds ? `within ${cacheSeconds} seconds` : 'at once');

interface AdminTokensProps {
  viewer: Viewer;
  tokens: AdminTokenSummary[];
  /** ADMIN_TOKEN_DAYS: the default lifetime, and the longest one a company may ask for. */
  maxDays: number;
  /** How long a warm function may still accept a revoked token. */
  cacheSeconds: number;
  notice?: string;
  problems?: string[];
  days?: string;
}

export function AdminTokensPage({ viewer, tokens, maxDays, cacheSeconds, notice, problems, days }: AdminTokensProps): VNode {
  return (
    <Page title="Admin tokens" viewer={viewer} section="admin-tokens">
      <h1>Admin tokens</h1>
      <Notice notice={notice} />
      <Problems problems={problems} summary="No admin token was issued:" />
      <p class="muted">
        An admin token calls the admin API (<code>Authorization: Bearer …</code>) and signs in to these pages. Roster keeps only a hash of each, so a token is
        named here by the first 12 hex digits of its hash. A revoked token is refused {refused(cacheSeconds)}.
      </p>
      {tokens.length === 0 ? (
        <p class="card">No admin token.</p>
      ) : (
        <ScrollingTable label="Admin tokens">
          <thead>
            <tr>
              <th scope="col">Id</th>
              <th scope="col">State</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">
                  <code>{token.id}</code>
                </th>
                <td>{token.state === 'revoked' ? `Revoked ${day(token.revokedAt, '')}` : token.state === 'expired' ? 'Expired' : 'Active'}</td>
                <td>{day(token.createdAt, '')}</td>
                <td>{day(token.expiresAt, 'Never')}</td>
                <td>{minute(token.lastUsedAt)}</td>
                <td>
                  {token.state === 'active' ? (
                    <div class="actions">
                      <form method="post" action={`${pathOf(token.id)}/rotate`} class="inline">
                        <CsrfField token={viewer.csrfToken} />
                        <button type="submit" aria-label={`Rotate admin token ${token.id}`}>
                          Rotate
                        </button>
                      </form>
                      <a href={`${pathOf(token.id)}/revoke`} aria-label={`Revoke admin token ${token.id}`}>
                        Revoke
                      </a>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <p class="muted">Rotate issues a new token, shown once, and revokes the old one at the same moment.</p>
      <form method="post" action={base} class="card">
        <h2>Issue an admin token</h2>
        <CsrfField token={viewer.csrfToken} />
        <label for="token-days">Lifetime in days</label>
        <input type="number" id="token-days" name="days" min={1} max={maxDays} step={1} value={days ?? ''} placeholder={String(maxDays)} aria-describedby="token-days-hint" />
        <p class="hint" id="token-days-hint">
          1 to {maxDays}; left empty, {maxDays} days.
        </p>
        <div class="actions">
          <button type="submit" class="primary">
            Issue admin token
          </button>
        </div>
      </form>
    </Page>
  );
}

export function NewAdminTokenPage({ viewer, token, summary, replaced }: { viewer: Viewer; token: string; summary: AdminTokenSummary; replaced?: AdminTokenSummary }): VNode {
  return (
    <NewSecretPage viewer={viewer} section="admin-tokens" title="New admin token" heading={`New admin token ${summary.id}`} label="Admin token" secret={token} back={base}>
      Copy it now: Roster keeps only a hash of it, so this page is the only time it is shown. It expires on {day(summary.expiresAt, 'never')}.
      {replaced ? ` It replaces ${replaced.id}, which is revoked.` : ''}
    </NewSecretPage>
  );
}

export function RevokeAdminTokenPage({ viewer, token, cacheSeconds }: { viewer: Viewer; token: AdminTokenSummary; cacheSeconds: number }): VNode {
  return (
    <ConfirmDeletePage viewer={viewer} section="admin-tokens" verb="Revoke" name={`admin token ${token.id}`} action={`${pathOf(token.id)}/revoke`} button="Revoke admin token" back={base}>
      <p>
        Whatever calls the admin API with this token is refused from then on ({refused(cacheSeconds)}). It was last used{' '}
        {token.lastUsedAt ? `on ${minute(token.lastUsedAt)} (UTC)` : 'never'}. Console sessions already signed in with it last until they end (12 hours at most).
        Revoking cannot be undone: issue a new token instead.
      </p>
    </ConfirmDeletePage>
  );
}
