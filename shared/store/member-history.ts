import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { memberHistory, type MemberHistoryEntry } from './entities/member-history.js';
import type { TransactItem } from './transactions.js';
import { newItemPut } from './writes.js';

export type { MemberHistoryEntry } from './entities/member-history.js';

/** The history entry as a Put for the transaction that makes the change, so the two land together. */
export function historyEntryPut(entry: MemberHistoryEntry, unique: string): TransactItem {
  return { Put: newItemPut(memberHistory.toItem(entry, { unique })) };
}

/** A member's history, newest first, one page at a time. */
export async function listMemberHistory(tenantId: string, memberId: string, limit = 50): Promise<MemberHistoryEntry[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': memberHistory.partition({ tenantId, memberId }) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => memberHistory.fromItem(item));
}
