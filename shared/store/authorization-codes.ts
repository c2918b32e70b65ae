import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { authorizationCode, type AuthorizationCodeRecord } from './entities/authorization-code.js';
import { getItem, isConditionFailure, putNew } from './writes.js';

export type { AuthorizationCodeRecord } from './entities/authorization-code.js';

export async function putAuthorizationCode(record: AuthorizationCodeRecord): Promise<void> {
  await putNew(authorizationCode.toItem(record));
}

export type Redemption =
  | { outcome: 'redeemed'; code: AuthorizationCodeRecord }
  | { outcome: 'replayed'; code: AuthorizationCodeRecord }
  | { outcome: 'unknown' };

/** Marks the code used, once: a second redemption (even a concurrent one) is told it is a replay. */
export async function redeemAuthorizationCode(codeHash: string, usedAt: string): Promise<Redemption> {
  const key = authorizationCode.key({ codeHash });
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
    return { outcome: 'redeemed', code: authorizationCode.fromItem(Attributes!) };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const item = await getItem(key, { consistent: true });
  return item ? { outcome: 'replayed', code: authorizationCode.fromItem(item) } : { outcome: 'unknown' };
}
