import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { keyCanExist } from './dynamo-limits.js';
import type { Key } from './table.js';

type Item = Record<string, unknown>;

/**
 * Reads items by key, 100 per BatchGetItem request, retrying unprocessed keys; missing (and
 * impossible) keys are skipped. `consistent` reads them as GetItem's ConsistentRead does.
 */
export async function batchGet(
  keysWanted: Key[],
  projection?: string | { expression: string; names: Record<string, string> },
  { consistent = false }: { consistent?: boolean } = {},
): Promise<Item[]> {
  const projected = {
    ...(typeof projection === 'string' ? { ProjectionExpression: projection } : projection ? { ProjectionExpression: projection.expression, ExpressionAttributeNames: projection.names } : {}),
    ...(consistent ? { ConsistentRead: true } : {}),
  };
  // DynamoDB refuses a request naming a key twice: each item is read once.
  const wanted = [...new Map(keysWanted.filter(keyCanExist).map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
  const found: Item[] = [];
  for (let offset = 0; offset < wanted.length; offset += 100) {
    let request: Record<string, { Keys: Item[]; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string>; ConsistentRead?: boolean }> | undefined = {
      [tableName()]: { Keys: wanted.slice(offset, offset + 100), ...projected },
    };
    while (request && Object.keys(request).length) {
      const { Responses, UnprocessedKeys } = await db().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(Responses?.[tableName()] ?? []));
      request = UnprocessedKeys as typeof request;
    }
  }
  return found;
}
