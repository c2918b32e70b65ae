import { partitionCanExist } from './dynamo-limits.js';
import { teamMember, type TeamMemberRecord } from './entities/team-member.js';
import { decodeIndexCursor, encodeCursor, queryIndexPage } from './paging.js';

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
  const { items, lastKey } = await queryIndexPage('reports', partition, count, from);
  return { items: items.map((item) => teamMember.fromItem(item)), ...(lastKey ? { nextCursor: encodeCursor(lastKey) } : {}) };
}
