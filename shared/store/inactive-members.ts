import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { inactiveMember, type InactiveMemberRecord } from './entities/inactive-member.js';
import { queryPages } from './query-all.js';
import { INDEXES } from './table.js';
import { conditionalUpdate, getItem, isConditionFailure } from './writes.js';

export type { InactiveMemberRecord } from './entities/inactive-member.js';

/**
 * The member stopped being active (or arrived inactive): its clock starts at `since`. A stream
 * record delivered again after a later one wrote the item changes nothing.
 */
export async function startInactivity(record: InactiveMemberRecord): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: inactiveMember.toItem(record),
        ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
        ExpressionAttributeValues: { ':version': record.version },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * The member, still inactive, was written again (hidden, edited): the item follows its version
 * and keeps its `since` when it was in step with the version before. When it was not (no item, or
 * a record that never arrived: the member may have been active in between) the clock starts again
 * at `record.since`, which can only make the erasure later, never earlier.
 */
export async function continueInactivity(record: InactiveMemberRecord, previousVersion: number): Promise<void> {
  const followed = await conditionalUpdate({
    Key: inactiveMember.key(record),
    UpdateExpression: 'SET version = :version',
    ConditionExpression: 'version = :previous',
    ExpressionAttributeValues: { ':version': record.version, ':previous': previousVersion },
  });
  if (!followed) await startInactivity(record);
}

/**
 * The member is active again, erased or gone: its item goes, unless a write of a later version of
 * the member made it (a replayed record). Nothing to delete is no error.
 */
export async function endInactivity(tenantId: string, memberId: string, memberVersion: number): Promise<void> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: inactiveMember.key({ tenantId, memberId }),
        ConditionExpression: 'attribute_not_exists(pk) OR version <= :version',
        ExpressionAttributeValues: { ':version': memberVersion },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/**
 * The company's members inactive since before `before` (an ISO time), oldest first, a page at a
 * time: one Query of the company's partition of the list index, reading only those.
 */
export async function* inactiveSinceBefore(tenantId: string, before: string, pageSize = 100): AsyncGenerator<InactiveMemberRecord[]> {
  const pages = queryPages({
    IndexName: INDEXES.list.name,
    KeyConditionExpression: '#pk = :pk AND #sk < :before',
    ExpressionAttributeNames: { '#pk': INDEXES.list.partition, '#sk': INDEXES.list.sort },
    ExpressionAttributeValues: { ':pk': inactiveMember.indexPartition('list', { tenantId }), ':before': before },
    Limit: pageSize,
  });
  for await (const items of pages) yield items.filter((item) => inactiveMember.is(item)).map((item) => inactiveMember.fromItem(item));
}

/** A member's item as stored now (for tests and support). */
export async function findInactivity(tenantId: string, memberId: string): Promise<InactiveMemberRecord | undefined> {
  const item = await getItem(inactiveMember.key({ tenantId, memberId }), { consistent: true });
  return item ? inactiveMember.fromItem(item) : undefined;
}
