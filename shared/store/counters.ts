import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { keys, type ResourceKind } from './keys.js';
import type { TransactItem } from './transactions.js';

/**
 * How many resources a tenant has, for ListResponse.totalResults without counting items. The
 * count is sharded so concurrent creates rarely touch the same counter item (which would make
 * their transactions conflict); reading it is one Query over the shards.
 */
const SHARDS = 8;

export function counterUpdate(tenantId: string, kind: ResourceKind, delta: 1 | -1): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.counterShard(tenantId, kind, Math.floor(Math.random() * SHARDS)),
      UpdateExpression: 'ADD #count :delta SET #type = :type',
      ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
      ExpressionAttributeValues: { ':delta': delta, ':type': 'Counter' },
    },
  };
}

export async function readCount(tenantId: string, kind: ResourceKind): Promise<number> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.counterPartition(tenantId), ':prefix': keys.counterPrefix(kind) },
      ConsistentRead: true,
    }),
  );
  return Math.max(0, Items.reduce((sum, item) => sum + Number(item.count ?? 0), 0));
}
