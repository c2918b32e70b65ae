import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { teamMember } from './entities/team-member.js';
import { INDEXES, type Key } from './table.js';

/*
 * The tenant index: every findable item of a company under one partition. Apart from
 * company-items.ts (which knows every entity, for deleting or copying a company), so that reading
 * a company's tokens does not bundle them all into every function.
 */

/** The keys under the company's tenant index partition (those whose index sort key starts with `sortPrefix`), a page at a time. */
export async function* tenantIndexPages(tenantId: string, pageSize = 100, sortPrefix = ''): AsyncGenerator<Key[]> {
  let from: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEXES.tenant.name,
        ...(sortPrefix
          ? {
              KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
              ExpressionAttributeNames: { '#pk': INDEXES.tenant.partition, '#sk': INDEXES.tenant.sort },
              ExpressionAttributeValues: { ':pk': tenantIndexPartition(tenantId), ':prefix': sortPrefix },
            }
          : {
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': INDEXES.tenant.partition },
              ExpressionAttributeValues: { ':pk': tenantIndexPartition(tenantId) },
            }),
        Limit: pageSize,
        ...(from ? { ExclusiveStartKey: from } : {}),
      }),
    );
    from = page.LastEvaluatedKey;
    const keys = (page.Items ?? []).map((item) => ({ pk: String(item.pk), sk: String(item.sk) }));
    if (keys.length) yield keys;
  } while (from);
}

/** The tenant index partition of a company's findable items (the same for every entity in it). */
function tenantIndexPartition(tenantId: string): string {
  return teamMember.indexPartition('tenant', { tenantId });
}

/** The tenant index entries of the company with this sort-key prefix (its admin tokens: `TOKEN#admin#`). */
export async function tenantIndexKeys(tenantId: string, sortPrefix: string): Promise<Key[]> {
  const keys: Key[] = [];
  for await (const page of tenantIndexPages(tenantId, 100, sortPrefix)) keys.push(...page);
  return keys;
}
