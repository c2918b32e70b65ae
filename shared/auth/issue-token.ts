import { putToken, type TokenScope } from '../store/tokens.js';
import { generateToken, hashToken } from './tokens.js';

/** Creates a bearer token for a tenant's connection; the plain value is returned once, only its hash is kept. */
export async function issueToken(tenantId: string, connectionId: string, scope: TokenScope): Promise<string> {
  const token = generateToken(scope);
  await putToken({ tokenHash: hashToken(token), tenantId, connectionId, scope, createdAt: new Date().toISOString() });
  return token;
}
