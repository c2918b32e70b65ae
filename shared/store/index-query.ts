import { INDEXES, type IndexName } from './table.js';
import { partitionCanExist } from './dynamo-limits.js';
import { queryAll } from './query-all.js';

/** The items under one partition of a secondary index (every page). */
export async function queryIndexPartition(index: IndexName, partition: string): Promise<Record<string, unknown>[]> {
  if (!partitionCanExist(partition)) return [];
  return queryAll({
    IndexName: INDEXES[index].name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': INDEXES[index].partition },
    ExpressionAttributeValues: { ':pk': partition },
  });
}
