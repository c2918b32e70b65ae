import { batchGet } from './batch-get.js';
import { tenantIndexKeys } from './tenant-index.js';
import { token, type TokenRecord } from './entities/token.js';
import { conditionalUpdate, getItem, newItemPut, putNew } from './writes.js';

export type { TokenRecord, TokenScope } from './entities/token.js';

export async function putToken(record: TokenRecord): Promise<void> {
  await putNew(token.toItem(record));
}

/** The Put of a new token, for a transaction. */
export const tokenPut = (record: TokenRecord) => newItemPut(token.toItem(record));

/** Every token of a company (through the tenant index: the operator's list, never a request path). */
export async function listTenantTokens(tenantId: string): Promise<TokenRecord[]> {
  const keys = await tenantIndexKeys(tenantId, token.indexSortPrefix('tenant'));
  return (await batchGet(keys)).map((item) => token.fromItem(item)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
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

/** Revokes one token; false if there is no such token. */
export function markTokenRevoked(tokenHash: string, revokedAt: string): Promise<boolean> {
  return conditionalUpdate({
    Key: token.key({ tokenHash }),
    UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':at': revokedAt },
  });
}
