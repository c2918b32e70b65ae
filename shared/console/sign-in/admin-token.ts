import { authenticateTokenHash } from '../../auth/authenticate.js';
import { startSession } from '../../auth/console/sessions.js';
import { hashToken } from '../../auth/tokens.js';

/**
 * The bootstrap way in for the first tech admin: the company's admin token. The session keeps only
 * its hash (the key Roster stores it under), so that revoking, rotating or the expiry of the token
 * ends the sessions signed in with it.
 */
export async function signInWithAdminToken(input: { token: string; replacingSessionId?: string }) {
  const tokenHash = hashToken(input.token.trim());
  const principal = await authenticateTokenHash(tokenHash, 'admin');
  return startSession(principal.tenantId, { kind: 'adminToken', tokenHash }, 'adminToken', input.replacingSessionId);
}
