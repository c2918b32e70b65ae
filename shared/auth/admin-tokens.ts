import { config } from '../config.js';
import { listTenantTokens, markTokenRevoked, putToken, type TokenRecord } from '../store/tokens.js';
import { ADMIN_CONNECTION_ID } from './issue-token.js';
import { generateToken, hashToken } from './tokens.js';

/** What the operator sees of an admin token: never the token, only a short id of its hash. */
export interface AdminTokenSummary {
  /** The first 12 hex digits of the token's SHA-256: enough to name it, useless to call with. */
  id: string;
  createdAt: string;
  /** ISO time, or undefined for a token issued before admin tokens had a lifetime. */
  expiresAt?: string;
  revokedAt?: string;
  lastUsedAt?: string;
  state: 'active' | 'expired' | 'revoked';
}

const ID_LENGTH = 12;

/** Issues an admin token living `days` (ADMIN_TOKEN_DAYS by default); the plain value is returned once. */
export async function issueAdminToken(tenantId: string, days = config().ADMIN_TOKEN_DAYS): Promise<{ token: string; summary: AdminTokenSummary }> {
  const token = generateToken('admin');
  const now = new Date();
  const record: TokenRecord = {
    tokenHash: hashToken(token),
    tenantId,
    connectionId: ADMIN_CONNECTION_ID,
    scope: 'admin',
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + days * 86_400,
  };
  await putToken(record);
  return { token, summary: summarise(record) };
}

export async function listAdminTokens(tenantId: string): Promise<AdminTokenSummary[]> {
  return (await listTenantTokens(tenantId)).filter((record) => record.scope === 'admin').map(summarise);
}

export class AdminTokenNotFound extends Error {}

/**
 * Revokes the admin token of this company whose id (or an unambiguous prefix of at least 6 hex
 * digits) is given; warm functions stop accepting it within TOKEN_CACHE_SECONDS.
 */
export async function revokeAdminToken(tenantId: string, id: string): Promise<AdminTokenSummary> {
  if (!/^[0-9a-f]{6,64}$/.test(id)) throw new AdminTokenNotFound(`"${id}" is not a token id: give the id that "admin-token list" shows (6 or more hex digits).`);
  const matches = (await listTenantTokens(tenantId)).filter((record) => record.scope === 'admin' && record.tokenHash.startsWith(id));
  if (matches.length !== 1) {
    throw new AdminTokenNotFound(matches.length ? `${matches.length} admin tokens of ${tenantId} start with ${id}: give more of the id.` : `${tenantId} has no admin token ${id}.`);
  }
  const record = matches[0]!;
  const at = new Date().toISOString();
  await markTokenRevoked(record.tokenHash, at);
  return summarise({ ...record, revokedAt: record.revokedAt ?? at });
}

function summarise(record: TokenRecord): AdminTokenSummary {
  const expired = record.expiresAt !== undefined && record.expiresAt * 1000 <= Date.now();
  return {
    id: record.tokenHash.slice(0, ID_LENGTH),
    createdAt: record.createdAt,
    ...(record.expiresAt === undefined ? {} : { expiresAt: new Date(record.expiresAt * 1000).toISOString() }),
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
    ...(record.lastUsedAt ? { lastUsedAt: record.lastUsedAt } : {}),
    state: record.revokedAt ? 'revoked' : expired ? 'expired' : 'active',
  };
}
