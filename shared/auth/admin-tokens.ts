import * as z from '../zod.js';
import { config } from '../config.js';
import { RosterError } from '../errors.js';
import { listTenantTokens, markTokenRevoked, putToken, replaceToken, type TokenRecord } from '../store/tokens.js';
import { ADMIN_CONNECTION_ID } from './issue-token.js';
import { hasExpired } from './lifetimes.js';
import { generateToken, hashToken } from './tokens.js';

/**
 * A company's admin tokens: issued with a lifetime, listed by a short id of their hash (never the
 * token), rotated and revoked — by the operator's CLI, the admin API and the console alike. A
 * revoked token is refused by warm functions within TOKEN_CACHE_SECONDS (they trust a resolved
 * token that long); console sessions already signed in with it are not ended.
 */
export interface AdminTokenSummary {
  /** The first 12 hex digits of the token's SHA-256: enough to name it, useless to call with. */
  id: string;
  state: 'active' | 'expired' | 'revoked';
  createdAt: string;
  /** ISO time, or null for a token issued before admin tokens had a lifetime. */
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface IssuedAdminToken {
  /** The plain token: shown this once, only its hash is stored. */
  token: string;
  summary: AdminTokenSummary;
}

/** An id, or a prefix of one of at least 6 hex digits (the CLI accepts them; the API lists 12). */
const TOKEN_ID = /^[0-9a-f]{6,64}$/;
const ID_LENGTH = 12;

/** "Not found" for the CLI, the admin API (404) and the console's 404 page alike. */
export class AdminTokenNotFound extends RosterError {
  constructor(detail: string) {
    super(404, detail);
    this.name = 'AdminTokenNotFound';
  }
}

/**
 * What a company's admin may ask for: a lifetime of 1 day up to ADMIN_TOKEN_DAYS (the operator's
 * setting, 365 by default); shorter, never longer. The operator's CLI may give up to 3,650 days.
 */
export const newAdminTokenInput = () => {
  const most = config().ADMIN_TOKEN_DAYS;
  return z.strictObject({
    days: z.optional(
      z.number({ error: 'days must be a number' }).check(z.int('days must be a whole number'), z.gte(1, 'days must be at least 1'), z.lte(most, `days must be at most ${most}`)),
    ),
  });
};

/** Issues an admin token living `days` (ADMIN_TOKEN_DAYS by default); the plain value is returned once. */
export async function issueAdminToken(tenantId: string, days = config().ADMIN_TOKEN_DAYS): Promise<IssuedAdminToken> {
  const { token, record } = newAdminToken(tenantId, days);
  await putToken(record);
  return { token, summary: summarise(record) };
}

/** The company's admin tokens, oldest first: one Query of the tenant index and one BatchGet. */
export async function listAdminTokens(tenantId: string): Promise<AdminTokenSummary[]> {
  return (await listTenantTokens(tenantId, 'admin')).map(summarise);
}

/** One admin token of this company, by id; 404 for another company's, an unknown or an ambiguous id. */
export async function findAdminToken(tenantId: string, id: string): Promise<AdminTokenSummary> {
  return summarise(await adminToken(tenantId, id));
}

/**
 * Revokes the admin token of this company whose id (or an unambiguous prefix of at least 6 hex
 * digits) is given; revoking a revoked token changes nothing.
 */
export async function revokeAdminToken(tenantId: string, id: string): Promise<AdminTokenSummary> {
  const record = await adminToken(tenantId, id);
  const at = new Date().toISOString();
  if (!(await markTokenRevoked(record.tokenHash, at, tenantId))) throw notFound(tenantId, id);
  return summarise({ ...record, revokedAt: record.revokedAt ?? at });
}

/**
 * Rotation: a new admin token (living `days`, ADMIN_TOKEN_DAYS by default, as one issued) and the
 * old one revoked, in one transaction. Only an active token rotates (409 otherwise, and when a
 * concurrent rotation or revocation came first: nothing is written then).
 */
export async function rotateAdminToken(tenantId: string, id: string, days = config().ADMIN_TOKEN_DAYS): Promise<IssuedAdminToken & { replaced: AdminTokenSummary }> {
  const previous = await adminToken(tenantId, id);
  const state = stateOf(previous);
  const shortId = previous.tokenHash.slice(0, ID_LENGTH);
  if (state !== 'active') throw new RosterError(409, `Admin token ${shortId} is ${state}: only an active token is rotated; issue a new one instead.`);
  const { token, record } = newAdminToken(tenantId, days);
  const at = record.createdAt;
  if (!(await replaceToken(tenantId, previous.tokenHash, at, record))) {
    throw new RosterError(409, `Admin token ${shortId} was revoked or rotated meanwhile: nothing was issued.`);
  }
  return { token, summary: summarise(record), replaced: summarise({ ...previous, revokedAt: at }) };
}

async function adminToken(tenantId: string, id: string): Promise<TokenRecord> {
  const prefix = id.toLowerCase();
  if (!TOKEN_ID.test(prefix)) throw new AdminTokenNotFound(`"${id.slice(0, 80)}" is not an admin token id: give the id the list of admin tokens shows (6 or more hex digits).`);
  const matches = await listTenantTokens(tenantId, 'admin', prefix);
  if (matches.length > 1) throw new AdminTokenNotFound(`${matches.length} admin tokens of ${tenantId} start with ${prefix}: give more of the id.`);
  if (!matches[0]) throw notFound(tenantId, prefix);
  return matches[0];
}

const notFound = (tenantId: string, id: string) => new AdminTokenNotFound(`${tenantId} has no admin token ${id}.`);

function newAdminToken(tenantId: string, days: number): { token: string; record: TokenRecord } {
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
  return { token, record };
}

function stateOf(record: TokenRecord): AdminTokenSummary['state'] {
  if (record.revokedAt) return 'revoked';
  return hasExpired(record.expiresAt) ? 'expired' : 'active';
}

function summarise(record: TokenRecord): AdminTokenSummary {
  return {
    id: record.tokenHash.slice(0, ID_LENGTH),
    state: stateOf(record),
    createdAt: record.createdAt,
    expiresAt: record.expiresAt === undefined ? null : new Date(record.expiresAt * 1000).toISOString(),
    lastUsedAt: record.lastUsedAt ?? null,
    revokedAt: record.revokedAt ?? null,
  };
}
