import type { AuthorizeOutcome } from '../auth/oauth/authorize.js';
import { requestParameters, type AuthorizationRequest } from '../auth/oauth/authorization-request.js';
import type { ConnectionView } from '../auth/connections.js';
import { lifetimes } from '../auth/lifetimes.js';
import { CONSOLE_PREFIX, OAUTH_PREFIX } from '../api-prefixes.js';
import { COOKIES, clearCookie, setCookie } from './cookies.js';
import { html, htmlPage, type Html, type PageResult } from './html.js';

/** The pages of "Authenticate with Roster": sign-in, consent, and the error page (never a redirect). */
export function authorizeResponse(outcome: AuthorizeOutcome): PageResult {
  switch (outcome.kind) {
    case 'redirect':
      return { status: 302, headers: { location: outcome.location, 'cache-control': 'no-store' }, body: '', cookies: [clearCookie(COOKIES.consent)] };
    case 'sign-in':
      return signInPage(outcome.request, outcome.error);
    case 'consent':
      return { ...consentPage(outcome), cookies: [setCookie(COOKIES.consent, outcome.browserBinding, lifetimes.consentTicketSeconds)] };
  }
}

function signInPage(request: AuthorizationRequest, error: string | undefined): PageResult {
  const signInToRoster = `${CONSOLE_PREFIX}/connect-okta?${new URLSearchParams(requestParameters(request))}`;
  const content = html`<h1>Connect Okta to Roster</h1>
<p>Okta wants to provision team members into your company on Roster.</p>
<p>Only a tech admin of the company can allow this.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : undefined}
<div class="actions"><a class="button primary" href="${signInToRoster}">Sign in to Roster</a></div>
<details${error ? ' open' : ''}><summary>Sign in with an admin token instead</summary>
<form method="post" action="${OAUTH_PREFIX}/authorize">
${hiddenFields(requestParameters(request))}
<label for="admin_token">Admin token</label>
<input type="password" id="admin_token" name="admin_token" autocomplete="off" spellcheck="false" required>
<p class="muted">It is checked and then forgotten.</p>
<div class="actions">
<button type="submit" name="decision" value="continue">Continue</button>
<button type="submit" name="decision" value="deny" formnovalidate>Cancel</button>
</div>
</form></details>`;
  return htmlPage(error ? 401 : 200, 'Connect Okta to Roster', content, [originOf(request.redirectUri)]);
}

function consentPage(outcome: Extract<AuthorizeOutcome, { kind: 'consent' }>): PageResult {
  const { companyName, connections, suggestedName, request, ticket } = outcome;
  const content = html`<h1>Okta wants to provision team members into ${companyName}</h1>
<p>If you allow it, Okta can create, update and deactivate the team members and groups of ${companyName}.</p>
<form method="post" action="${OAUTH_PREFIX}/authorize">
${hiddenFields({ consent_ticket: ticket })}
<fieldset><legend>Connection</legend>
<label class="choice"><input type="radio" name="connection" value="new" checked> A new connection, named</label>
<input type="text" name="connection_name" value="${suggestedName}" maxlength="100" aria-label="Name of the new connection">
${connections.map(existingConnection)}
<p class="muted">Pick an existing connection only when you re-authenticate the same Okta app instance; a new app instance gets its own connection.</p>
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`;
  return htmlPage(200, `Allow Okta to provision ${companyName}?`, content, [originOf(request.redirectUri)]);
}

function existingConnection(connection: ConnectionView): Html {
  return html`<label class="choice"><input type="radio" name="connection" value="${connection.id}"> ${connection.name} <span class="muted">(${connection.source}, created ${connection.createdAt.slice(0, 10)})</span></label>`;
}

function hiddenFields(fields: Record<string, string>): Html[] {
  return Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
}

function originOf(uri: string): string {
  return new URL(uri).origin;
}
