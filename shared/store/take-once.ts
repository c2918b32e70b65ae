import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure, recordOf } from './item.js';
import type { Key } from './keys.js';

/**
 * Deletes a single-use item and returns it: of two concurrent takers only one gets it, so a
 * consent ticket, a sign-in link or a sign-in attempt can be used once.
 */
export async function takeOnce<T>(key: Key): Promise<T | undefined> {
  try {
    const { Attributes } = await db().send(
      new DeleteCommand({ TableName: tableName(), Key: key, ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD' }),
    );
    return Attributes ? recordOf<T>(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
