import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { Item } from './entity.js';
import type { Key } from './table.js';
import { isConditionFailure } from './writes.js';

/**
 * Deletes a single-use item and returns it: of two concurrent takers only one gets it, so a
 * consent ticket, a sign-in link or a sign-in attempt can be used once.
 */
export async function takeOnce(key: Key): Promise<Item | undefined> {
  try {
    const { Attributes } = await db().send(
      new DeleteCommand({ TableName: tableName(), Key: key, ConditionExpression: 'attribute_exists(pk)', ReturnValues: 'ALL_OLD' }),
    );
    return Attributes;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
