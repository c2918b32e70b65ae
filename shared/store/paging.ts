import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RosterError } from '../errors.js';
import { db, tableName } from './client.js';
import { keyCanExist } from './dynamo-limits.js';
import type { Item } from './entity.js';
import type { ResourceKind } from './entities/counter-shard.js';
import { group } from './entities/group.js';
import { pageCheckpoint } from './entities/page-checkpoint.js';
import { teamMember } from './entities/team-member.js';
import { INDEXES, type IndexName, type Key } from './table.js';
import { getItem } from './writes.js';

type StoredKey = Record<string, string>;

/** The entity each resource list holds. */
const LISTED = { users: teamMember, groups: group } as const;
const listPartition = (tenantId: string, kind: ResourceKind) => LISTED[kind].indexPartition('list', { tenantId });

/**
 * Index paging (startIndex/count) over a tenant's resources in creation order (ids are
 * time-ordered). DynamoDB cannot skip N items, so each page remembers where the next one starts:
 * a checkpoint item keyed by the next startIndex holds the index key to resume from. Sequential
 * paging (startIndex += count, which is what Okta does) therefore costs the same on page 100 as
 * on page 1. A jump to an unvisited startIndex walks the keys once (keys only) and leaves a checkpoint.
 */
export async function pageByIndex(
  tenantId: string,
  kind: ResourceKind,
  startIndex: number,
  count: number,
): Promise<Item[]> {
  if (count === 0) return [];
  const from = startIndex === 1 ? undefined : await startKeyFor(tenantId, kind, startIndex);
  if (from === null) return [];
  const { items, lastKey } = await queryList(tenantId, kind, count, from);
  if (lastKey && items.length === count) await saveCheckpoint(tenantId, kind, startIndex + count, lastKey);
  return items;
}

/** RFC 9865 cursor paging: the cursor is the opaque position after the previous page. */
export async function pageByCursor(
  tenantId: string,
  kind: ResourceKind,
  cursor: string | undefined,
  count: number,
): Promise<{ items: Item[]; nextCursor?: string }> {
  const from = cursor ? decodeCursor(tenantId, kind, cursor) : undefined;
  const { items, lastKey } = await queryList(tenantId, kind, Math.max(count, 1), from);
  const page = count === 0 ? [] : items;
  const nextKey = count === 0 ? from : lastKey;
  return { items: page, ...(nextKey && (count === 0 || lastKey) ? { nextCursor: encodeCursor(nextKey) } : {}) };
}

function queryList(tenantId: string, kind: ResourceKind, limit: number, from?: StoredKey) {
  return queryIndexPage('list', listPartition(tenantId, kind), limit, from);
}

/** One page of an index partition, from after `from`; `lastKey` is where the next page starts. */
export async function queryIndexPage(index: IndexName, partition: string, limit: number, from?: StoredKey) {
  const { Items = [], LastEvaluatedKey } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEXES[index].name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES[index].partition },
      ExpressionAttributeValues: { ':pk': partition },
      Limit: limit,
      ...(from ? { ExclusiveStartKey: from } : {}),
    }),
  );
  return { items: Items, lastKey: LastEvaluatedKey as StoredKey | undefined };
}

/** The key to resume from for `startIndex`, or null when the list is shorter than that. */
async function startKeyFor(tenantId: string, kind: ResourceKind, startIndex: number): Promise<StoredKey | null> {
  const item = await getItem(pageCheckpoint.key({ tenantId, kind, startIndex }), { consistent: false });
  if (item?.startKey) return pageCheckpoint.fromItem(item).startKey;
  return walkTo(tenantId, kind, startIndex);
}

async function walkTo(tenantId: string, kind: ResourceKind, startIndex: number): Promise<StoredKey | null> {
  let skipped = 0;
  let from: StoredKey | undefined;
  while (skipped < startIndex - 1) {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEXES.list.name,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: '#pk, #sk, pk, sk',
        ExpressionAttributeNames: { '#pk': INDEXES.list.partition, '#sk': INDEXES.list.sort },
        ExpressionAttributeValues: { ':pk': listPartition(tenantId, kind) },
        Limit: Math.min(startIndex - 1 - skipped, 1000),
        ...(from ? { ExclusiveStartKey: from } : {}),
      }),
    );
    // DynamoDB returns LastEvaluatedKey whenever Limit was reached; without it the list ended.
    if (!LastEvaluatedKey) return null;
    skipped += Items.length;
    from = LastEvaluatedKey as StoredKey;
  }
  await saveCheckpoint(tenantId, kind, startIndex, from!);
  return from!;
}

async function saveCheckpoint(tenantId: string, kind: ResourceKind, startIndex: number, startKey: StoredKey): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: pageCheckpoint.toItem({ startKey }, { tenantId, kind, startIndex }),
    }),
  );
}

export function encodeCursor(key: StoredKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(tenantId: string, kind: ResourceKind, cursor: string): StoredKey {
  return decodeIndexCursor(cursor, 'list', listPartition(tenantId, kind), (id) => LISTED[kind].key({ tenantId, id }));
}

/**
 * A cursor (the last key of the previous page, as DynamoDB gave it) checked before DynamoDB sees it:
 * it must name this index partition and one of its own items, or DynamoDB would refuse the start key.
 */
export function decodeIndexCursor(cursor: string, index: IndexName, partition: string, ownKey: (sortValue: string) => Key): StoredKey {
  const { partition: partitionName, sort: sortName } = INDEXES[index];
  const key = parseCursor(cursor);
  const candidate = key as StoredKey;
  const expected = [partitionName, sortName, 'pk', 'sk'];
  if (
    typeof key !== 'object' || key === null ||
    Object.keys(candidate).length !== expected.length ||
    !expected.every((name) => typeof candidate[name] === 'string') ||
    candidate[partitionName] !== partition
  ) {
    throw invalidCursor();
  }
  // The position must be one of this list's own items, or DynamoDB refuses the start key.
  const sortValue = candidate[sortName]!;
  const own = ownKey(sortValue);
  const indexKey = { pk: partition, sk: sortValue };
  if (candidate.pk !== own.pk || candidate.sk !== own.sk || !keyCanExist(own) || !keyCanExist(indexKey)) throw invalidCursor();
  return candidate;
}

export const invalidCursor = () => new RosterError(400, 'The cursor is not valid for this list.', { scimType: 'invalidCursor' });

/** The key a cursor encodes (unchecked: the caller checks it is one of its list's own), or invalidCursor. */
export function parseCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}
