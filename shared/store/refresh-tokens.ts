import { tableName } from './client.js';
import { VersionConflict } from './conflicts.js';
import { refreshToken, type RefreshTokenRecord } from './entities/refresh-token.js';
import { tokenPut, type TokenRecord } from './tokens.js';
import { transactWrite } from './transactions.js';
import { getItem, newItemPut } from './writes.js';

export type { Grant, RefreshTokenRecord } from './entities/refresh-token.js';

export async function getRefreshToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
  const item = await getItem(refreshToken.key({ tokenHash }), { consistent: true });
  return item ? refreshToken.fromItem(item) : undefined;
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
          Key: refreshToken.key(previous),
          UpdateExpression: 'SET rotatedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(rotatedAt)',
          ExpressionAttributeValues: { ':at': rotatedAt },
        },
        conflict: { changed: 'The refresh token' },
      },
      { Put: tokenPut(access) },
      { Put: refreshTokenPut(refresh) },
    ]);
    return true;
  } catch (error) {
    if (error instanceof VersionConflict) return false;
    throw error;
  }
}

const refreshTokenPut = (record: RefreshTokenRecord) => newItemPut(refreshToken.toItem(record));
