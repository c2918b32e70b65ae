import { getRefreshToken } from '../../store/refresh-tokens.js';
import { getToken, markTokenRevoked } from '../../store/tokens.js';
import { hashToken } from '../tokens.js';
import { authenticateClient } from './client.js';
import { oauthError } from './errors.js';
import { revokeGrant } from './token.js';

type Params = Record<string, string | undefined>;

/**
 * POST /oauth/revoke (RFC 7009). A refresh token revokes its whole grant (its access tokens too);
 * an access token revokes only itself. Tokens the client does not own, and unknown tokens, are
 * answered 200 like revoked ones (§2.2), so the answer reveals nothing.
 */
export async function revokeOAuthToken(authorization: string | undefined, form: Params): Promise<void> {
  const clientId = authenticateClient(authorization, form);
  if (!form.token) throw oauthError('invalid_request', 'token is required.');
  const tokenHash = hashToken(form.token);
  const refreshToken = await getRefreshToken(tokenHash);
  if (refreshToken) {
    if (refreshToken.clientId === clientId) await revokeGrant(refreshToken, 'refresh token revoked by the client');
    return;
  }
  const accessToken = await getToken(tokenHash);
  if (accessToken?.clientId === clientId) await markTokenRevoked(tokenHash, new Date().toISOString());
}
