import type { IndexDefinition } from './table-definition.js';
import { partitionCanExist } from './dynamo-limits.js';
import { queryAll } from './query-all.js';

/** The items under one partition of a secondary index (every page). */
export async function queryIndexPartition(index: Pick<IndexDefinition, 'name' | 'partition'>, partition: string): Promise<Record<string, unknown>[]> {
  if (!partitionCanExist(partition)) return [];
  return queryAll({
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': index.partition },
    ExpressionAttributeValues: { ':pk': partition },
  });
}

/** `{ name: value }` → `{ ':name': value }`, for SET expressions built from attribute maps. */
export function valuePlaceholders(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`:${name}`, value]));
}
