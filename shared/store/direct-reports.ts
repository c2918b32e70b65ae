import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { partitionCanExist } from './dynamo-limits.js';
import { teamMember, type TeamMemberRecord } from './entities/team-member.js';
import { decodeIndexCursor, encodeCursor } from './paging.js';
import { INDEXES } from './table.js';

/** One page of a manager's direct reports (the sparse reports index), in id order. */
export async function listDirectReportsPage(
  tenantId: string,
  managerId: string,
  cursor: string | undefined,
  count: number,
): Promise<{ items: TeamMemberRecord[]; nextCursor?: string }> {
  const partition = teamMember.indexPartition('reports', { tenantId, managerId });
  if (!partitionCanExist(partition)) return { items: [] };
  const from = cursor ? decodeIndexCursor(cursor, 'reports', partition, (id) => teamMember.key({ tenantId, id })) : undefined;
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEXES.reports.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.reports.partition },
      ExpressionAttributeValues: { ':pk': partition },
      Limit: count,
      ...(from ? { ExclusiveStartKey: from } : {}),
    }),
  );
  return {
    items: Items.map((item) => teamMember.fromItem(item)),
    ...(LastEvaluatedKey ? { nextCursor: encodeCursor(LastEvaluatedKey as Record<string, string>) } : {}),
  };
}
