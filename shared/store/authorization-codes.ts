import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure, recordOf } from './item.js';
import { connectionKeys } from './keys.js';
import type { Grant } from './refresh-tokens.js';
import { putNew } from './writes.js';

/** A single-use code. Its grant is the token family it starts: replaying the code revokes it. */
export interface AuthorizationCodeRecord extends Grant {
  codeHash: string;
  /** Set when the admin chose a new connection: it is created, with this name, when the code is exchanged. */
  newConnectionName?: string;
  redirectUri: string;
  codeChallenge?: string;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
  usedAt?: string;
}

export async function putAuthorizationCode(record: AuthorizationCodeRecord): Promise<void> {
  await putNew(connectionKeys.authorizationCode(record.codeHash), 'AuthorizationCode', record);
}

export type Redemption =
  | { outcome: 'redeemed'; code: AuthorizationCodeRecord }
  | { outcome: 'replayed'; code: AuthorizationCodeRecord }
  | { outcome: 'unknown' };

/** Marks the code used, once: a second redemption (even a concurrent one) is told it is a replay. */
export async function redeemAuthorizationCode(codeHash: string, usedAt: string): Promise<Redemption> {
  const key = connectionKeys.authorizationCode(codeHash);
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET usedAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
        ExpressionAttributeValues: { ':at': usedAt },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { outcome: 'redeemed', code: recordOf<AuthorizationCodeRecord>(Attributes!) };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? { outcome: 'replayed', code: recordOf<AuthorizationCodeRecord>(Item) } : { outcome: 'unknown' };
}
