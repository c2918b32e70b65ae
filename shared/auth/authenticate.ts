import { config } from '../config.js';
import { forbidden, unauthorized } from '../errors.js';
import type { TokenScope } from '../store/tokens.js';
import type { Principal } from './principal.js';
import { resolveTokenHash } from './resolve-token.js';
import { hashToken } from './tokens.js';

/**
 * Resolves `Authorization: Bearer <token>` to a principal of the required scope. This is the one
 * place bearer tokens are checked, for every route (an API Gateway Lambda authorizer could not
 * answer 401 with SCIM Error JSON). A warm function caches a resolution for TOKEN_CACHE_SECONDS
 * (revocation takes effect within that time; 0 disables the cache), never past the token's expiry.
 * Only valid tokens are cached, so a flood of bad tokens cannot evict good ones. The lookup is by
 * hash, so no secret is ever compared byte by byte.
 */
const cache = new Map<string, { principal: Principal; expiresAt: number }>();
const MAX_CACHED_TOKENS = 1_000;

export async function authenticate(authorizationHeader: string | undefined, requiredScope: TokenScope): Promise<Principal> {
  const token = bearerToken(authorizationHeader);
  if (!token) throw unauthorized('Missing bearer token: send "Authorization: Bearer <token>".');
  return authenticateToken(token, requiredScope);
}

/** The same check for a token that arrives another way (the admin token pasted on the consent page). */
export async function authenticateToken(token: string, requiredScope: TokenScope): Promise<Principal> {
  return authenticateTokenHash(hashToken(token), requiredScope);
}

/** The same check for a token known by its hash (the one a console session signed in with). */
export async function authenticateTokenHash(tokenHash: string, requiredScope: TokenScope): Promise<Principal> {
  const principal = await resolveToken(tokenHash);
  if (!principal) throw unauthorized('The bearer token is not valid or has been revoked.');
  if (principal.suspended) {
    throw forbidden('This company is suspended on Roster: its requests are refused until the Roster operator resumes it. Nothing was changed; its data is kept.');
  }
  if (principal.scope !== requiredScope) {
    throw forbidden(`This token is for the ${principal.scope} API and cannot call the ${requiredScope} API.`);
  }
  requireSelectedSource(principal);
  return principal;
}

/**
 * The article's rule: a company takes its people from one provisioning source at a time (Okta, or
 * a custom SCIM client). A call from a connection of the other source is refused, saying how to
 * fix it; switching is the admin's explicit change of the company settings, never a side effect.
 */
function requireSelectedSource({ provisioning }: Principal): void {
  if (!provisioning || provisioning.connection === provisioning.company) return;
  throw forbidden(
    `This connection's source is "${provisioning.connection}", but the company provisions from "${provisioning.company}". ` +
      `Use a connection of source "${provisioning.company}", or have an admin switch the company's provisioning source ` +
      `(PUT /admin/v1/settings with "provisioningSource": "${provisioning.connection}").`,
  );
}

/** Forgets the cached tokens of a company whose provisioning source changed (this function's cache; others follow within TOKEN_CACHE_SECONDS). */
export function forgetCompanyTokens(tenantId: string): void {
  for (const [hash, entry] of cache) if (entry.principal.tenantId === tenantId) cache.delete(hash);
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

  const resolution = await resolveTokenHash(tokenHash);
  if (resolution && ttlMs > 0) {
    if (cache.size >= MAX_CACHED_TOKENS) cache.clear();
    cache.set(tokenHash, { principal: resolution.principal, expiresAt: Math.min(now + ttlMs, resolution.validUntil ?? Infinity) });
  }
  return resolution?.principal;
}

