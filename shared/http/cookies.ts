import type { ApiEvent } from './types.js';

/**
 * Roster's cookies (the console's and the OAuth consent page's). `__Host-` makes the browser insist
 * on Secure, Path=/ and no Domain, so no sibling host can plant or read them; HttpOnly keeps them
 * from scripts; SameSite=Lax keeps them off cross-site form posts.
 */
export const COOKIES = {
  /** The server-side session's id. */
  session: '__Host-roster-session',
  /** The double-submit CSRF token of the sign-in forms (before there is a session). */
  form: '__Host-roster-form',
  /** Binds an OpenID Connect sign-in to the browser that started it. */
  oidc: '__Host-roster-oidc',
  /** Binds an OAuth consent ticket to the browser of the admin who signed in for it. */
  consent: '__Host-roster-consent',
} as const;

export function setCookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}

export function clearCookie(name: string): string {
  return `${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

/** API Gateway (payload 2.0) passes cookies in `event.cookies`; the first value of a name wins. */
export function cookiesOf(event: ApiEvent): Record<string, string> {
  const cookies: Record<string, string> = {};
  const pairs = event.cookies ?? (event.headers?.cookie ?? event.headers?.Cookie ?? '').split(';');
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    if (!Object.hasOwn(cookies, name)) cookies[name] = pair.slice(at + 1).trim();
  }
  return cookies;
}
