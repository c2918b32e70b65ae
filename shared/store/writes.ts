import { PutCommand, UpdateCommand, type PutCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure } from './item.js';
import type { Key } from './keys.js';

/** The Put of an item that must not exist yet (for a transaction, or for putNew). */
export function newItemPut(key: Key, type: string, record: object): PutCommandInput & { TableName: string } {
  return {
    TableName: tableName(),
    Item: { ...key, type, ...record },
    ConditionExpression: 'attribute_not_exists(pk)',
  };
}

/** Creates an item; fails with ConditionalCheckFailedException if it exists. */
export async function putNew(key: Key, type: string, record: object): Promise<void> {
  await db().send(new PutCommand(newItemPut(key, type, record)));
}

/** One conditional UpdateItem: true if it was written, false if its condition did not hold. */
export async function conditionalUpdate(update: Omit<UpdateCommandInput, 'TableName'>): Promise<boolean> {
  try {
    await db().send(new UpdateCommand({ TableName: tableName(), ...update }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
