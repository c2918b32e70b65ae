import { createConnection, connectionAccepts } from '../connections.js';
import { hasExpired } from '../lifetimes.js';
import { hashToken } from '../tokens.js';
import { log } from '../../log.js';
import { redeemAuthorizationCode } from '../../store/authorization-codes.js';
import { addRevokedGrant, getConnection } from '../../store/connections.js';
import { getRefreshToken, putTokenPair, rotateRefreshToken, type Grant } from '../../store/refresh-tokens.js';
import { authenticateClient } from './client.js';
import { oauthError } from './errors.js';
import { verifierMatches } from './pkce.js';
import { newTokenPair, type TokenResponse } from './token-pair.js';

type Params = Record<string, string | undefined>;

/** POST /oauth/token: the authorization_code and refresh_token grants (RFC 6749 §4.1.3, §6). */
export async function issueTokens(authorization: string | undefined, form: Params): Promise<TokenResponse> {
  const clientId = authenticateClient(authorization, form);
  switch (form.grant_type) {
    case 'authorization_code':
      return exchangeCode(clientId, form);
    case 'refresh_token':
      return refresh(clientId, form);
    case undefined:
      throw oauthError('invalid_request', 'grant_type is required.');
    default:
      throw oauthError('unsupported_grant_type', 'Supported grant types: authorization_code, refresh_token.');
  }
}

/** The code is redeemed once; replaying it revokes what it was exchanged for (RFC 6749 §4.1.2). */
async function exchangeCode(clientId: string, form: Params): Promise<TokenResponse> {
  if (!form.code) throw oauthError('invalid_request', 'code is required.');
  const redemption = await redeemAuthorizationCode(hashToken(form.code), new Date().toISOString());
  if (redemption.outcome === 'unknown') throw invalidGrant('The authorization code is not valid.');
  const { code } = redemption;
  if (redemption.outcome === 'replayed') {
    if (code.clientId === clientId) await revokeGrant(code, 'authorization code replayed');
    throw invalidGrant('The authorization code was already used; the tokens issued for it are revoked.');
  }
  if (hasExpired(code.expiresAt)) throw invalidGrant('The authorization code has expired.');
  if (code.clientId !== clientId) throw invalidGrant('The authorization code was issued to another client.');
  if (form.redirect_uri !== code.redirectUri) throw invalidGrant('redirect_uri does not match the authorization request.');
  if (code.codeChallenge && !verifierMatches(form.code_verifier, code.codeChallenge)) {
    throw invalidGrant('code_verifier does not match the code_challenge.');
  }
  // A verifier for a code that had no challenge means someone stripped the challenge from the
  // authorization request: accepting it would downgrade PKCE silently (RFC 9700 §2.1.1).
  if (!code.codeChallenge && form.code_verifier !== undefined) {
    throw invalidGrant('code_verifier was sent, but the authorization request had no code_challenge.');
  }
  if (code.newConnectionName) {
    await createConnection(code.tenantId, { name: code.newConnectionName, source: 'okta' }, code.connectionId);
  } else if (!connectionAccepts(await getConnection(code.tenantId, code.connectionId), code.grantId)) {
    throw invalidGrant('The connection this code was issued for has been deleted.');
  }
  const pair = newTokenPair(grantOf(code));
  await putTokenPair(pair.access, pair.refresh);
  return pair.response;
}

/** Rotation: each refresh token works once; presenting a rotated one again revokes its whole family. */
async function refresh(clientId: string, form: Params): Promise<TokenResponse> {
  if (!form.refresh_token) throw oauthError('invalid_request', 'refresh_token is required.');
  const previous = await getRefreshToken(hashToken(form.refresh_token));
  if (!previous || previous.clientId !== clientId || hasExpired(previous.expiresAt)) {
    throw invalidGrant('The refresh token is not valid.');
  }
  const reuse = async () => {
    await revokeGrant(previous, 'rotated refresh token reused');
    return invalidGrant('The refresh token was already used; every token of this grant is now revoked.');
  };
  if (previous.rotatedAt) throw await reuse();
  if (!connectionAccepts(await getConnection(previous.tenantId, previous.connectionId), previous.grantId)) {
    throw invalidGrant('The refresh token has been revoked.');
  }
  const pair = newTokenPair(grantOf(previous));
  if (!(await rotateRefreshToken(previous, new Date().toISOString(), pair.access, pair.refresh))) throw await reuse();
  return pair.response;
}

/** Revokes a token family: every access and refresh token of the grant stops working. */
export async function revokeGrant(grant: Grant, reason: string): Promise<void> {
  await addRevokedGrant(grant.tenantId, grant.connectionId, grant.grantId);
  log('warn', 'oauth grant revoked', { reason, tenantId: grant.tenantId, connectionId: grant.connectionId, grantId: grant.grantId });
}

const grantOf = ({ tenantId, connectionId, grantId, clientId }: Grant): Grant => ({
  tenantId,
  connectionId,
  grantId,
  clientId,
});

const invalidGrant = (description: string) => oauthError('invalid_grant', description);
