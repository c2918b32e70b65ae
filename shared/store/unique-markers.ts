import { tableName } from './client.js';
import type { Item } from './entity.js';
import type { Key } from './table.js';
import type { TransactItem } from './transactions.js';

/**
 * Uniqueness (userName, group displayName, externalId) is a marker item claimed in the same
 * transaction as the resource write: `attribute_not_exists` makes the second claimant fail,
 * without any read-then-write window, and the failure is a UniquenessConflict on `attribute`.
 */
export function claimUnique(marker: Item, attribute: string): TransactItem {
  return {
    Put: { TableName: tableName(), Item: marker, ConditionExpression: 'attribute_not_exists(pk)' },
    conflict: { unique: attribute },
  };
}

/** Releases a marker this owner holds (a no-op when it is already gone). */
export function releaseUnique(key: Key, ownerId: string): TransactItem {
  return {
    Delete: {
      TableName: tableName(),
      Key: key,
      ConditionExpression: 'attribute_not_exists(pk) OR ownerId = :owner',
      ExpressionAttributeValues: { ':owner': ownerId },
    },
  };
}
