import { authenticateToken } from '../../auth/authenticate.js';
import { startSession } from '../../auth/console/sessions.js';

/** The bootstrap way in for the first tech admin: the company's admin token, checked then forgotten. */
export async function signInWithAdminToken(input: { token: string; replacingSessionId?: string }) {
  const principal = await authenticateToken(input.token.trim(), 'admin');
  return startSession(principal.tenantId, { kind: 'adminToken' }, 'adminToken', input.replacingSessionId);
}
