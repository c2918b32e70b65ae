import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { recordOf } from './item.js';
import { connectionKeys } from './keys.js';
import { tokenPut, type TokenRecord } from './tokens.js';
import { ConditionFailed, transactWrite } from './transactions.js';
import { newItemPut } from './writes.js';

/** An OAuth grant: one consent, one token family, on one connection, for one client. */
export interface Grant {
  tenantId: string;
  connectionId: string;
  grantId: string;
  clientId: string;
}

export interface RefreshTokenRecord extends Grant {
  tokenHash: string;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
  /** Set when it was exchanged for a new pair: from then on, presenting it again is reuse. */
  rotatedAt?: string;
}

export async function getRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: connectionKeys.refreshToken(tokenHash), ConsistentRead: true }),
  );
  return Item ? recordOf<RefreshTokenRecord>(Item) : undefined;
}

/** Stores a new access + refresh token pair in one transaction. */
export async function putTokenPair(access: TokenRecord, refresh: RefreshTokenRecord): Promise<void> {
  await transactWrite([{ Put: tokenPut(access) }, { Put: refreshTokenPut(refresh) }]);
}

/**
 * Retires `previous` and stores the new pair in one transaction; false (nothing written) if
 * `previous` was rotated already, i.e. someone else presented it first.
 */
export async function rotateRefreshToken(
  previous: RefreshTokenRecord,
  rotatedAt: string,
  access: TokenRecord,
  refresh: RefreshTokenRecord,
): Promise<boolean> {
  try {
    await transactWrite([
      {
        Update: {
          TableName: tableName(),
          Key: connectionKeys.refreshToken(previous.tokenHash),
          UpdateExpression: 'SET rotatedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(rotatedAt)',
          ExpressionAttributeValues: { ':at': rotatedAt },
        },
      },
      { Put: tokenPut(access) },
      { Put: refreshTokenPut(refresh) },
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed && error.failedIndexes.includes(0)) return false;
    throw error;
  }
}

const refreshTokenPut = (record: RefreshTokenRecord) =>
  newItemPut(connectionKeys.refreshToken(record.tokenHash), 'RefreshToken', record);
