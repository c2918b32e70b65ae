import { batchGet } from './batch-get.js';
import { tableName } from './client.js';
import { tenantIndexKeys } from './tenant-index.js';
import { token, type TokenRecord, type TokenScope } from './entities/token.js';
import { VersionConflict } from './conflicts.js';
import { transactWrite } from './transactions.js';
import { conditionalUpdate, getItem, newItemPut, putNew } from './writes.js';

export type { TokenRecord, TokenScope } from './entities/token.js';

export async function putToken(record: TokenRecord): Promise<void> {
  await putNew(token.toItem(record));
}

/** The Put of a new token, for a transaction. */
export const tokenPut = (record: TokenRecord) => newItemPut(token.toItem(record));

/**
 * A company's tokens of one scope, oldest first, those whose hash starts with `hashPrefix` when one
 * is given: a Query of the tenant index by sort-key prefix (that company's tokens of that scope
 * only), then a BatchGet of what it found.
 */
export async function listTenantTokens(tenantId: string, scope: TokenScope, hashPrefix = ''): Promise<TokenRecord[]> {
  const keys = await tenantIndexKeys(tenantId, token.indexSortPrefix('tenant', { scope, tokenHash: hashPrefix }));
  return (await batchGet(keys)).map((item) => token.fromItem(item)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.tokenHash.localeCompare(b.tokenHash));
}

export async function getToken(tokenHash: string): Promise<TokenRecord | undefined> {
  const item = await getItem(token.key({ tokenHash }), { consistent: false });
  return item ? token.fromItem(item) : undefined;
}
/** Records a use of a token, unless one was recorded after `staleBefore` (so at most one write per period). */
export function touchToken(tokenHash: string, usedAt: string, staleBefore: string): Promise<boolean> {
  return conditionalUpdate({
    Key: token.key({ tokenHash }),
    UpdateExpression: 'SET lastUsedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
    ExpressionAttributeValues: { ':at': usedAt, ':stale': staleBefore },
  });
}

/**
 * Revokes one token (a revoked one keeps its first revocation time); false if there is no such
 * token, or with `tenantId`, none of that company.
 */
export function markTokenRevoked(tokenHash: string, revokedAt: string, tenantId?: string): Promise<boolean> {
  return conditionalUpdate({
    Key: token.key({ tokenHash }),
    UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
    ConditionExpression: tenantId === undefined ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND tenantId = :tenant',
    ExpressionAttributeValues: { ':at': revokedAt, ...(tenantId === undefined ? {} : { ':tenant': tenantId }) },
  });
}

/**
 * Stores `next` and revokes the company's token `previousHash` in one transaction; false (nothing
 * written) when that token is already revoked or not the company's.
 */
export async function replaceToken(tenantId: string, previousHash: string, revokedAt: string, next: TokenRecord): Promise<boolean> {
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName(),
          Key: token.key({ tokenHash: previousHash }),
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND tenantId = :tenant AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': revokedAt, ':tenant': tenantId },
        },
        conflict: { changed: 'The token' },
      },
      { Put: tokenPut(next) },
    ]);
    return true;
  } catch (error) {
    if (error instanceof VersionConflict) return false;
    throw error;
  }
}
