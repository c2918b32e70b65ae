import { config } from '../config.js';
import { forbidden, unauthorized } from '../errors.js';
import { getToken, type TokenScope } from '../store/tokens.js';
import type { Principal } from './principal.js';
import { hashToken } from './tokens.js';

/**
 * Resolves `Authorization: Bearer <token>` to a principal of the required scope. This is the one
 * place tokens are checked, for every route. A warm function caches a resolution for
 * TOKEN_CACHE_SECONDS (revocation takes effect within that time; 0 disables the cache).
 * Only valid tokens are cached, so a flood of bad tokens cannot evict good ones. The lookup is by
 * hash, so no secret is ever compared byte by byte.
 */
const cache = new Map<string, { principal: Principal; expiresAt: number }>();
const MAX_CACHED_TOKENS = 1_000;

export async function authenticate(authorizationHeader: string | undefined, requiredScope: TokenScope): Promise<Principal> {
  const token = bearerToken(authorizationHeader);
  if (!token) throw unauthorized('Missing bearer token: send "Authorization: Bearer <token>".');
  const principal = await resolveToken(hashToken(token));
  if (!principal) throw unauthorized('The bearer token is not valid or has been revoked.');
  if (principal.scope !== requiredScope) {
    throw forbidden(`This token is for the ${principal.scope} API and cannot call the ${requiredScope} API.`);
  }
  return principal;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^\s*Bearer\s+(\S{1,512})\s*$/i.exec(header ?? '');
  return match?.[1];
}

async function resolveToken(tokenHash: string): Promise<Principal | undefined> {
  const ttlMs = config().TOKEN_CACHE_SECONDS * 1000;
  const now = Date.now();
  const hit = cache.get(tokenHash);
  if (hit && hit.expiresAt > now) return hit.principal;

  const record = await getToken(tokenHash);
  const principal =
    record && !record.revokedAt
      ? { tenantId: record.tenantId, connectionId: record.connectionId, scope: record.scope }
      : undefined;
  if (principal && ttlMs > 0) {
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    cache.set(tokenHash, { principal, expiresAt: now + ttlMs });
  }
  return principal;
}

export function clearTokenCacheForTests(): void {
  cache.clear();
}
