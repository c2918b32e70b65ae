import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mapLimited } from '../parallel.js';
import { db, tableName } from './client.js';
import { keyCanExist } from './dynamo-limits.js';
import { memberHistory, type MemberHistoryEntry } from './entities/member-history.js';
import { encodeCursor, invalidCursor, parseCursor } from './paging.js';

export type { MemberHistoryEntry } from './entities/member-history.js';

const BATCH_WRITE_ITEMS = 25;
/** BatchWriteItem requests in flight at once (a stream batch writes a few hundred entries). */
const WRITES_AT_ONCE = 4;

/**
 * Writes history entries, each under its `unique` (derived from what caused it, so that writing
 * them again after a retry overwrites instead of doubling): plain Puts, 25 per BatchWriteItem, a few
 * requests at a time. An entry given twice (a record repeated within a batch) is written once, as
 * given last.
 */
export async function putHistoryEntries(entries: Array<{ entry: MemberHistoryEntry; unique: string }>): Promise<void> {
  // DynamoDB refuses a BatchWriteItem that names one key twice.
  const items = [...new Map(entries.map(({ entry, unique }) => memberHistory.toItem(entry, { unique })).map((item) => [`${String(item.pk)}\u0000${String(item.sk)}`, item])).values()];
  const chunks = Array.from({ length: Math.ceil(items.length / BATCH_WRITE_ITEMS) }, (_, index) => items.slice(index * BATCH_WRITE_ITEMS, (index + 1) * BATCH_WRITE_ITEMS));
  await mapLimited(chunks, WRITES_AT_ONCE, async (chunk) => {
    let pending: Array<Record<string, unknown>> | undefined = chunk.map((Item) => ({ PutRequest: { Item } }));
    while (pending?.length) {
      const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = UnprocessedItems?.[tableName()] as Array<Record<string, unknown>> | undefined;
    }
  });
}

/** A member's history, newest first, one page at a time; `nextCursor` while there is more. */
export async function listMemberHistory(
  tenantId: string,
  memberId: string,
  { limit = 50, cursor }: { limit?: number; cursor?: string } = {},
): Promise<{ items: MemberHistoryEntry[]; nextCursor?: string }> {
  const partition = memberHistory.partition({ tenantId, memberId });
  const from = cursor ? decodeHistoryCursor(cursor, partition) : undefined;
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: limit,
      ...(from ? { ExclusiveStartKey: from } : {}),
    }),
  );
  return {
    items: Items.map((item) => memberHistory.fromItem(item)),
    ...(LastEvaluatedKey ? { nextCursor: encodeCursor(LastEvaluatedKey as Record<string, string>) } : {}),
  };
}

/** A cursor checked before DynamoDB sees it: the key of an entry of this very history. */
function decodeHistoryCursor(cursor: string, partition: string): { pk: string; sk: string } {
  const key = parseCursor(cursor);
  const candidate = key as Record<string, unknown>;
  if (
    typeof key !== 'object' || key === null ||
    Object.keys(candidate).length !== 2 ||
    candidate.pk !== partition ||
    typeof candidate.sk !== 'string' ||
    !keyCanExist({ pk: partition, sk: candidate.sk })
  ) {
    throw invalidCursor();
  }
  return { pk: partition, sk: candidate.sk };
}
