import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/store/client.js';
import { awaitingEdgeKey, earlierAwaitingEdge } from '../../shared/store/entities/edges.js';

/**
 * Puts a report's waits back as a table written before the awaiting edges shared one partition per
 * company holds them: a partition per awaited identifier (what `upgrade awaiting-edges` moves).
 */
export async function keepWaitsAsBeforeTheUpgrade(tenantId: string, memberId: string, awaiting: string[]): Promise<void> {
  await db().send(
    new BatchWriteCommand({
      RequestItems: {
        [tableName()]: awaiting.flatMap((identifier) => [
          { DeleteRequest: { Key: awaitingEdgeKey(tenantId, identifier, memberId) } },
          { PutRequest: { Item: earlierAwaitingEdge.toItem({}, { tenantId, identifier, userId: memberId }) } },
        ]),
      },
    }),
  );
}
