import { GetCommand, PutCommand, UpdateCommand, type PutCommandInput, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { Item } from './entity.js';
import type { Key } from './table.js';

/** DynamoDB reports a failed condition by this error name, on single writes. */
export function isConditionFailure(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ConditionalCheckFailedException';
}

/** The Put of an item that must not exist yet (for a transaction, or for putNew). */
export function newItemPut(item: Item): PutCommandInput & { TableName: string } {
  return { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' };
}

/** Creates an item; fails with ConditionalCheckFailedException if it exists. */
export async function putNew(item: Item): Promise<void> {
  await db().send(new PutCommand(newItemPut(item)));
}

/** One GetItem: the item, or undefined. */
export async function getItem(key: Key, options: { consistent: boolean }): Promise<Item | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ...(options.consistent ? { ConsistentRead: true } : {}) }));
  return Item;
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
