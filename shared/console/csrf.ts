import { sameSecret } from '../auth/tokens.js';
import { RosterError } from '../errors.js';
import { requireSameOrigin } from '../http/same-origin.js';
import { COOKIES } from './cookies.js';
import type { ConsoleRequest } from './console-types.js';

/**
 * Every state-changing console request is a form POST that must (1) come from a page of this origin
 * (the browser's Origin header) and (2) carry the CSRF token: on the sign-in forms the token of the
 * form cookie (double submit, which also stops login CSRF), on every other form the session's
 * synchronizer token.
 */
export function checkFormPost(request: ConsoleRequest, form: 'signIn' | 'session'): void {
  requireSameOrigin(request.headers, request.baseUrl);
  const expected = form === 'signIn' ? request.cookies[COOKIES.form] : request.session?.csrfToken;
  const sent = request.params.csrf;
  if (!expected || !sent || !sameSecret(expected, sent)) {
    throw new RosterError(403, 'This form has expired or was not sent by Roster. Reload the page and try again.', { code: 'csrf' });
  }
}

