import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';

/** Every item of a Query, page after page: for partitions known to stay small. */
export async function queryAll(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let from: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({ TableName: tableName(), ...query, ...(from ? { ExclusiveStartKey: from } : {}) }),
    );
    items.push(...Items);
    from = LastEvaluatedKey;
  } while (from);
  return items;
}

/** The items of a Query a page at a time: for partitions that can grow large. */
export async function* queryPages(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): AsyncGenerator<Record<string, unknown>[]> {
  let from: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({ TableName: tableName(), ...query, ...(from ? { ExclusiveStartKey: from } : {}) }),
    );
    if (Items.length) yield Items;
    from = LastEvaluatedKey;
  } while (from);
}
