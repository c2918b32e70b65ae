import { putToken, type TokenScope } from '../store/tokens.js';
import { generateToken, hashToken } from './tokens.js';

/** Admin tokens belong to the company, not to a provisioning connection; this stands in for one. */
export const ADMIN_CONNECTION_ID = 'admin';

/**
 * Creates a bearer token; the plain value is returned once, only its hash is kept. A SCIM token
 * works only while its connection exists (see resolve-token.ts); admin tokens use ADMIN_CONNECTION_ID.
 */
export async function issueToken(tenantId: string, connectionId: string, scope: TokenScope): Promise<string> {
  const token = generateToken(scope);
  await putToken({ tokenHash: hashToken(token), tenantId, connectionId, scope, createdAt: new Date().toISOString() });
  return token;
}
