import type { RosterError } from '../errors.js';
import { html, htmlPage, type PageResult } from './html.js';

/** What went wrong, shown to the admin; an unknown failure says only that, with the request id. */
export function errorPage(error: RosterError, requestId: string): PageResult {
  const message = error.status >= 500 ? 'Something went wrong on our side. Please try again.' : error.detail;
  const content = html`<h1>This sign-in cannot continue</h1>
<p class="error" role="alert">${message}</p>
<p class="muted">Request id: ${requestId}</p>`;
  return htmlPage(error.status, 'Roster: sign-in error', content);
}
