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

/**
 * An optional attribute in an UpdateExpression: SET it when present, else REMOVE it together with
 * the index keys it feeds (so the item drops out of that sparse index).
 */
export function setOrRemove(
  update: { set: string[]; remove: string[]; values: Record<string, unknown> },
  attribute: string,
  value: string | undefined,
  index: { partition: string; sort: string },
): void {
  if (value) {
    update.values[`:${attribute}`] = value;
    update.set.push(`${attribute} = :${attribute}`);
  } else {
    update.remove.push(attribute, index.partition, index.sort);
  }
}
