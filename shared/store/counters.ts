import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { counterShard, type ResourceKind } from './entities/counter-shard.js';
import type { TransactItem } from './transactions.js';

export type { ResourceKind } from './entities/counter-shard.js';

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
      Key: counterShard.key({ tenantId, kind, shard: Math.floor(Math.random() * SHARDS) }),
      UpdateExpression: 'ADD #count :delta SET #type = :type',
      ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
      ExpressionAttributeValues: { ':delta': delta, ':type': counterShard.type },
    },
  };
}

export async function readCount(tenantId: string, kind: ResourceKind): Promise<number> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': counterShard.partition({ tenantId }), ':prefix': counterShard.sortPrefix({ kind }) },
      ConsistentRead: true,
    }),
  );
  return Math.max(0, Items.reduce((sum, item) => sum + Number(item.count ?? 0), 0));
}
