import type { Grant, RefreshTokenRecord } from '../../store/refresh-tokens.js';
import type { TokenRecord } from '../../store/tokens.js';
import { expiresAtAfter, lifetimes } from '../lifetimes.js';
import { generateToken, hashToken } from '../tokens.js';

/** RFC 6749 §5.1 successful token response. */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token: string;
}

/**
 * A new access token (a SCIM bearer token that expires) and refresh token of one grant: the
 * records to store (hashes only) and the response that shows the plain values once.
 */
export function newTokenPair(grant: Grant): { access: TokenRecord; refresh: RefreshTokenRecord; response: TokenResponse } {
  const accessToken = generateToken('access');
  const refreshToken = generateToken('refresh');
  const createdAt = new Date().toISOString();
  const accessSeconds = lifetimes.accessTokenSeconds();
  return {
    access: { tokenHash: hashToken(accessToken), scope: 'scim', createdAt, ...grant, expiresAt: expiresAtAfter(accessSeconds) },
    refresh: { tokenHash: hashToken(refreshToken), createdAt, ...grant, expiresAt: expiresAtAfter(lifetimes.refreshTokenSeconds) },
    response: { access_token: accessToken, token_type: 'Bearer', expires_in: accessSeconds, refresh_token: refreshToken },
  };
}
