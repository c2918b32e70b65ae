import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { recordOf } from './item.js';
import { keys } from './keys.js';
import { conditionalUpdate, newItemPut, putNew } from './writes.js';

export type TokenScope = 'scim' | 'admin';

export interface TokenRecord {
  tokenHash: string;
  tenantId: string;
  connectionId: string;
  scope: TokenScope;
  createdAt: string;
  revokedAt?: string;
  /** OAuth access tokens only: the grant (token family), the client, and the expiry (epoch seconds, TTL). */
  grantId?: string;
  clientId?: string;
  expiresAt?: number;
}

export async function putToken(record: TokenRecord): Promise<void> {
  await putNew(keys.token(record.tokenHash), 'Token', record);
}

/** The Put of a new token, for a transaction. */
export const tokenPut = (record: TokenRecord) => newItemPut(keys.token(record.tokenHash), 'Token', record);

export async function getToken(tokenHash: string): Promise<TokenRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.token(tokenHash) }));
  return Item ? recordOf<TokenRecord>(Item) : undefined;
}

/** Revokes one token; false if there is no such token. */
export function markTokenRevoked(tokenHash: string, revokedAt: string): Promise<boolean> {
  return conditionalUpdate({
    Key: keys.token(tokenHash),
    UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':at': revokedAt },
  });
}
