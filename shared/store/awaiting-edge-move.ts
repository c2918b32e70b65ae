import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import { tenantIndexPages } from './tenant-index.js';
import { keyCanExist } from './dynamo-limits.js';
import { awaitingEdgeItem, earlierAwaitingEdge } from './entities/edges.js';
import { teamMember } from './entities/team-member.js';

/**
 * Moves a company's awaiting-manager edges from the earlier layout (a partition per awaited
 * identifier) to the company's one partition: for every member that waits (its `awaiting`, found
 * through the tenant index), the edge is written under the new key and the earlier one deleted, 25
 * writes per BatchWriteItem. Writing the same edges again does no harm, so a move that stopped
 * part-way is finished by running it again. Returns how many waits it moved.
 */
export async function moveAwaitingEdges(tenantId: string): Promise<number> {
  let moved = 0;
  for await (const keys of tenantIndexPages(tenantId)) {
    const members = (await batchGet(keys)).filter((item) => teamMember.is(item)).map((item) => teamMember.fromItem(item));
    const writes = members
      .filter((member) => !member.deletedAt)
      .flatMap((member) =>
        member.awaiting.flatMap((identifier) => {
          const earlier = earlierAwaitingEdge.key({ tenantId, identifier, userId: member.id });
          // A key too long to store was never written, so there is nothing to delete.
          return [{ PutRequest: { Item: awaitingEdgeItem(tenantId, identifier, member.id) } }, ...(keyCanExist(earlier) ? [{ DeleteRequest: { Key: earlier } }] : [])];
        }),
      );
    for (let offset = 0; offset < writes.length; offset += 25) {
      let pending: Array<Record<string, unknown>> = writes.slice(offset, offset + 25);
      for (let attempt = 0; pending.length; attempt += 1) {
        if (attempt) await new Promise((resume) => setTimeout(resume, Math.min(2_000, 50 * 2 ** attempt)));
        const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
        pending = (UnprocessedItems?.[tableName()] ?? []) as Array<Record<string, unknown>>;
      }
    }
    moved += writes.filter((write) => 'PutRequest' in write).length;
  }
  return moved;
}
