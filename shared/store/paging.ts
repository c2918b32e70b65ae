import { isDeepStrictEqual } from 'node:util';
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

type StoredKey = Record<string, string>;

/** The entity each resource list holds. */
const LISTED = { users: teamMember, groups: group } as const;
const listPartition = (tenantId: string, kind: ResourceKind) => LISTED[kind].indexPartition('list', { tenantId });

/**
 * Index paging (startIndex/count) over a tenant's resources in creation order (ids are
 * time-ordered). DynamoDB cannot skip N items, so paging needs to know where startIndex N begins:
 * - the warm function remembers where the next page of each page it served begins. Okta pages
 *   sequentially (startIndex += count), one request after another, so its next page nearly always
 *   reaches the same warm function: page 100 then costs what page 1 costs, with no extra request;
 * - every CHECKPOINT_STRIDE items, a page also writes a checkpoint item (where the next page
 *   begins) to the table, for a request that reaches another warm function or jumps ahead: it
 *   resumes from the nearest checkpoint at or before its startIndex (one Query) and walks the
 *   keys from there — at most a stride of them, keys only.
 * A write per page (what an earlier design did) would cost more than the reads it saves.
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
  if (lastKey && items.length === count) {
    const next = startIndex + count;
    const endsAStride = strideOf(next - 1) > strideOf(startIndex - 1);
    // A page served again (by this warm function) leaves the checkpoint it left the first time.
    const saved = endsAStride && isDeepStrictEqual(recalledPosition(tenantId, kind, next, { saved: true }), lastKey);
    if (endsAStride && !saved) await saveCheckpoint(tenantId, kind, next, lastKey);
    rememberPosition(tenantId, kind, next, lastKey, endsAStride);
  }
  return items;
}

/** Items between the checkpoints paging leaves in the table. */
export const CHECKPOINT_STRIDE = 1_000;
const strideOf = (itemsBefore: number) => Math.floor(itemsBefore / CHECKPOINT_STRIDE);

/**
 * Where pages of this warm function's recent lists begin, by tenant, kind and startIndex. Bounded
 * (oldest dropped first) and short-lived: a list changes as users come and go, and a position is
 * only as good as the checkpoint it stands in for.
 */
const positions = new Map<string, { startKey: StoredKey; until: number; saved: boolean }>();
const POSITIONS_KEPT = 2_000;
const POSITION_MILLISECONDS = 10 * 60 * 1000;
const positionId = (tenantId: string, kind: ResourceKind, startIndex: number) => `${tenantId}#${kind}#${startIndex}`;

function rememberPosition(tenantId: string, kind: ResourceKind, startIndex: number, startKey: StoredKey, saved = false): void {
  const id = positionId(tenantId, kind, startIndex);
  positions.delete(id);
  positions.set(id, { startKey, until: Date.now() + POSITION_MILLISECONDS, saved });
  if (positions.size > POSITIONS_KEPT) positions.delete(positions.keys().next().value!);
}

/** A remembered position (with `saved`: only one also written to the table as a checkpoint). */
function recalledPosition(tenantId: string, kind: ResourceKind, startIndex: number, { saved = false } = {}): StoredKey | undefined {
  const id = positionId(tenantId, kind, startIndex);
  const position = positions.get(id);
  if (!position || position.until <= Date.now()) {
    positions.delete(id);
    return undefined;
  }
  return saved && !position.saved ? undefined : position.startKey;
}


/** Tests: behave as a function that served no page yet (as another warm function would). */
export function forgetPagePositionsForTests(): void {
  positions.clear();
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
  const remembered = recalledPosition(tenantId, kind, startIndex);
  if (remembered) return remembered;
  const checkpoint = await nearestCheckpoint(tenantId, kind, startIndex);
  const from = await walk(tenantId, kind, checkpoint?.startKey, startIndex - (checkpoint?.startIndex ?? 1));
  if (from === null) return null;
  const farFromCheckpoint = startIndex - (checkpoint?.startIndex ?? 1) >= CHECKPOINT_STRIDE;
  if (farFromCheckpoint) await saveCheckpoint(tenantId, kind, startIndex, from);
  rememberPosition(tenantId, kind, startIndex, from, farFromCheckpoint);
  return from;
}

/** The checkpoint with the greatest startIndex not past `startIndex` (sort keys are zero-padded). */
async function nearestCheckpoint(tenantId: string, kind: ResourceKind, startIndex: number): Promise<{ startIndex: number; startKey: StoredKey } | undefined> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: {
        ':pk': pageCheckpoint.partition({ tenantId }),
        ':first': pageCheckpoint.key({ tenantId, kind, startIndex: checkpointPosition(2) }).sk,
        ':last': pageCheckpoint.key({ tenantId, kind, startIndex: checkpointPosition(startIndex) }).sk,
      },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = Items[0];
  if (!item?.startKey) return undefined;
  return { startIndex: Number(pageCheckpoint.parseSort(item.sk)!.startIndex), startKey: pageCheckpoint.fromItem(item).startKey };
}

/** The key after skipping `skip` items of the list from `from` (its start when undefined), keys only; null past its end. */
async function walk(tenantId: string, kind: ResourceKind, from: StoredKey | undefined, skip: number): Promise<StoredKey | null> {
  let skipped = 0;
  let position = from;
  while (skipped < skip) {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEXES.list.name,
        KeyConditionExpression: '#pk = :pk',
        ProjectionExpression: '#pk, #sk, pk, sk',
        ExpressionAttributeNames: { '#pk': INDEXES.list.partition, '#sk': INDEXES.list.sort },
        ExpressionAttributeValues: { ':pk': listPartition(tenantId, kind) },
        Limit: Math.min(skip - skipped, 1000),
        ...(position ? { ExclusiveStartKey: position } : {}),
      }),
    );
    // DynamoDB returns LastEvaluatedKey whenever Limit was reached; without it the list ended.
    if (!LastEvaluatedKey) return null;
    skipped += Items.length;
    position = LastEvaluatedKey as StoredKey;
  }
  // Undefined only for skipping nothing from the list's start, which no startIndex > 1 asks for.
  return position ?? null;
}

/** Zero-padded, so that checkpoints sort by startIndex and the nearest one is a single Query. */
const checkpointPosition = (startIndex: number) => String(startIndex).padStart(10, '0');

async function saveCheckpoint(tenantId: string, kind: ResourceKind, startIndex: number, startKey: StoredKey): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: pageCheckpoint.toItem({ startKey }, { tenantId, kind, startIndex: checkpointPosition(startIndex) }),
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
