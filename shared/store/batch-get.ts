import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { Key } from './keys.js';

type Item = Record<string, unknown>;

/** Reads items by key, 100 per BatchGetItem request, retrying unprocessed keys; missing keys are skipped. */
export async function batchGet(wanted: Key[], projection?: string): Promise<Item[]> {
  const found: Item[] = [];
  for (let offset = 0; offset < wanted.length; offset += 100) {
    let request: Record<string, { Keys: Item[]; ProjectionExpression?: string }> | undefined = {
      [tableName()]: { Keys: wanted.slice(offset, offset + 100), ...(projection ? { ProjectionExpression: projection } : {}) },
    };
    while (request && Object.keys(request).length) {
      const { Responses, UnprocessedKeys } = await db().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(Responses?.[tableName()] ?? []));
      request = UnprocessedKeys as typeof request;
    }
  }
  return found;
}
