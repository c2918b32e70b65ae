import { getConnection } from '../store/connections.js';
import { getTenant } from '../store/tenants.js';
import { getToken, touchToken, type TokenRecord } from '../store/tokens.js';
import { log } from '../log.js';
import { connectionAccepts, noteConnectionUse } from './connections.js';
import { hasExpired, lifetimes } from './lifetimes.js';
import type { Principal } from './principal.js';

export interface Resolution {
  principal: Principal;
  /** Epoch ms after which the token is no longer valid (OAuth access tokens), for the cache. */
  validUntil?: number;
}

/**
 * A token hash → who is calling, or undefined. A SCIM token is valid only while its connection
 * exists and is not deleted (and, for an OAuth access token, while it has not expired and its
 * grant is not revoked): the token, then its connection and company side by side, no per-token
 * revocation list to scan. The company's selected provisioning source comes along for the check,
 * and whether the operator suspended the company (an admin token reads the company for that alone;
 * the resolution is cached, so a suspension reaches warm functions within TOKEN_CACHE_SECONDS).
 */
export async function resolveTokenHash(tokenHash: string): Promise<Resolution | undefined> {
  const record = await getToken(tokenHash);
  if (!record || record.revokedAt || hasExpired(record.expiresAt)) return undefined;
  const principal: Principal = { tenantId: record.tenantId, connectionId: record.connectionId, scope: record.scope };
  const validUntil = record.expiresAt === undefined ? undefined : record.expiresAt * 1000;
  if (record.scope === 'admin') {
    const company = await getTenant(record.tenantId);
    if (!company) return undefined;
    await noteAdminTokenUse(record);
    return { principal: { ...principal, ...(company.suspendedAt ? { suspended: true } : {}) }, validUntil };
  }

  const [connection, company] = await Promise.all([getConnection(record.tenantId, record.connectionId), getTenant(record.tenantId)]);
  if (!connectionAccepts(connection, record.grantId) || !company) return undefined;
  if (company.suspendedAt) return { principal: { ...principal, suspended: true }, validUntil };
  await noteConnectionUse(connection);
  return { principal: { ...principal, provisioning: { connection: connection.source, company: company.provisioningSource } }, validUntil };
}

/** An admin token's last use, for the operator's list: one write per token per lastUsedResolutionMs at most. */
async function noteAdminTokenUse(record: TokenRecord): Promise<void> {
  const now = Date.now();
  const staleBefore = new Date(now - lifetimes.lastUsedResolutionMs).toISOString();
  if (record.lastUsedAt && record.lastUsedAt >= staleBefore) return;
  try {
    await touchToken(record.tokenHash, new Date(now).toISOString(), staleBefore);
  } catch (error) {
    log('warn', 'admin token last-used not recorded', { tenantId: record.tenantId, errorName: (error as Error).name });
  }
}
