import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { keys } from './keys.js';

export type TokenScope = 'scim' | 'admin';

export interface TokenRecord {
  tokenHash: string;
  tenantId: string;
  connectionId: string;
  scope: TokenScope;
  createdAt: string;
  revokedAt?: string;
}

export async function putToken(record: TokenRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.token(record.tokenHash), type: 'Token', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getToken(tokenHash: string): Promise<TokenRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.token(tokenHash) }));
  if (!Item) return undefined;
  const { tenantId, connectionId, scope, createdAt, revokedAt } = Item as TokenRecord;
  return { tokenHash, tenantId, connectionId, scope, createdAt, revokedAt };
}
