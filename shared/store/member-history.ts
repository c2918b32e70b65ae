import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { recordOf } from './item.js';
import { consoleKeys } from './keys.js';
import type { TransactItem } from './transactions.js';

/** One change to a team member: who made it, when, and each changed value before and after. */
export interface MemberHistoryEntry {
  tenantId: string;
  memberId: string;
  at: string;
  /** `manager:<id>`, `admin`, `connection:<id>`, … */
  actor: string;
  event: string;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
}

/** The history entry as a Put for the transaction that makes the change, so the two land together. */
export function historyEntryPut(entry: MemberHistoryEntry, unique: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...consoleKeys.memberHistory(entry.tenantId, entry.memberId, entry.at, unique), type: 'MemberHistory', ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** A member's history, newest first, one page at a time. */
export async function listMemberHistory(tenantId: string, memberId: string, limit = 50): Promise<MemberHistoryEntry[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': consoleKeys.memberHistoryPartition(tenantId, memberId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => recordOf<MemberHistoryEntry>(item));
}
