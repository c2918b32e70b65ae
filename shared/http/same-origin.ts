import { RosterError } from '../errors.js';

/**
 * A state-changing form post must come from a page of this origin: the browser's Origin header
 * names the page the form was on (pages send `Referrer-Policy: same-origin`, so it is not `null`).
 */
export function requireSameOrigin(headers: Record<string, string | undefined>, baseUrl: string): void {
  const origin = headers.origin;
  if (!origin || origin !== new URL(baseUrl).origin) {
    throw new RosterError(403, 'This form was sent from another site, so it was not accepted. Go back to Roster and try again.', { code: 'cross_origin' });
  }
}
