import { randomBytes } from 'node:crypto';
import { COOKIES, setCookie } from './cookies.js';
import type { ConsoleRequest } from './console-types.js';

const FORM_COOKIE_SECONDS = 60 * 60;

/** The sign-in forms' CSRF token: the form cookie's value, or a new one (and the cookie that sets it). */
export function formToken(request: ConsoleRequest): { token: string; cookies: string[] } {
  const existing = request.cookies[COOKIES.form];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return { token: existing, cookies: [] };
  const token = randomBytes(32).toString('base64url');
  return { token, cookies: [setCookie(COOKIES.form, token, FORM_COOKIE_SECONDS)] };
}

/**
 * Where to go after signing in: a console path of this site, never another site. Long enough for
 * "Connect Okta", whose query carries Okta's whole authorization request (`+` is a form-encoded space).
 */
export function safeNext(next: string | undefined): string {
  return next && next.length <= MAX_NEXT_LENGTH && /^\/console(\/[A-Za-z0-9/_?=&%.*+-]*)?$/.test(next) ? next : '/console/team';
}

const MAX_NEXT_LENGTH = 4_096;
