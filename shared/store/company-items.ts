import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import { seatType } from './entities/config-items.js';
import { connection } from './entities/connection.js';
import { counterShard } from './entities/counter-shard.js';
import { awaitingEdgeKey, identifierEdge } from './entities/edges.js';
import { group, type GroupRecord } from './entities/group.js';
import { importRecord } from './entities/import-record.js';
import { inactiveMember } from './entities/inactive-member.js';
import { managerDigest } from './entities/manager-digest.js';
import { memberHistory } from './entities/member-history.js';
import { pageCheckpoint } from './entities/page-checkpoint.js';
import { rejection } from './entities/rejection.js';
import { teamMember, type TeamMemberRecord } from './entities/team-member.js';
import { tenantSettings } from './entities/tenant-settings.js';
import { groupExternalIdMarker, groupNameMarker, userExternalIdMarker, userNameMarker } from './entities/unique-markers.js';
import { DIGEST_SHARDS } from './manager-digests.js';
import { mapLimited } from '../parallel.js';
import { queryAll } from './query-all.js';
import { tenantIndexPages } from './tenant-index.js';
import { INDEXES, type Key } from './table.js';

/** A stored item's key and its `type` attribute (what a dry run counts). */
export interface TypedKey extends Key {
  type: string;
}

/**
 * Every item of one company, found without reading any other company's items, in steps: each step
 * lists the items to delete together, the ones that point at others (markers, edges, history, a
 * group's memberships) before the item that lists them in the tenant index. An interrupted delete
 * therefore leaves every remaining item findable, and running it again finishes it.
 *
 * Where the items are found:
 * - the tenant index partition `T#<tenant>#ALL`: members (hidden ones too), groups, tokens, console
 *   sessions, sign-in links, OpenID attempts, rate-limit windows and OAuth records (keyed by hashes);
 * - from each member: its name and externalId markers, identifier and awaiting edges, history
 *   partition, import record and inactivity clock; from each group: its partition (the group and
 *   its membership edges) and its markers;
 * - the company's own partitions: configuration, counters, paging checkpoints, rejections,
 *   connections; its pending manager digests in the few digest partitions (by sort-key prefix);
 * - last, the company's settings item.
 */
export async function* companyItemSteps(tenantId: string, pageSize = 100): AsyncGenerator<TypedKey[]> {
  for await (const keys of tenantIndexPages(tenantId, pageSize)) yield* await stepsOfIndexPage(tenantId, keys);

  const ownPartitions = [
    seatType.partition({ tenantId }),
    counterShard.partition({ tenantId }),
    pageCheckpoint.partition({ tenantId }),
    rejection.partition({ tenantId }),
    connection.partition({ tenantId }),
  ];
  for (const partition of ownPartitions) {
    const items = await typedKeys({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition } });
    if (items.length) yield items;
  }
  for (let shard = 0; shard < DIGEST_SHARDS; shard += 1) {
    const items = await typedKeys({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': managerDigest.partition({ shard }), ':prefix': managerDigest.sortPrefix({ tenantId }) },
    });
    if (items.length) yield items;
  }
  const settings = await existing([tenantSettings.key({ tenantId })]);
  if (settings.length) yield settings;
}

/** Every member of the company, hidden ones too, a page at a time (through the tenant index; operator only). */
export async function* companyMemberPages(tenantId: string, pageSize = 100): AsyncGenerator<TeamMemberRecord[]> {
  for await (const keys of tenantIndexPages(tenantId, pageSize, teamMember.indexSortPrefix('tenant'))) {
    yield (await batchGet(keys)).map((item) => teamMember.fromItem(item));
  }
}

/** One page of the tenant index: the members' and groups' dependents, then the page's own items. */
async function stepsOfIndexPage(tenantId: string, keys: Key[]): Promise<TypedKey[][]> {
  const roots = await batchGet(keys);
  const members = roots.filter((item) => teamMember.is(item)).map((item) => teamMember.fromItem(item));
  const groups = roots.filter((item) => group.is(item)).map((item) => group.fromItem(item));
  const partitions = [
    ...members.map((member) => memberHistory.partition({ tenantId, memberId: member.id })),
    ...groups.map((record) => group.partition({ tenantId, id: record.id })),
  ];
  const [found, queried] = await Promise.all([
    existing([...members.flatMap((member) => memberItemKeys(tenantId, member)), ...groups.flatMap((record) => groupMarkerKeys(tenantId, record))]),
    mapLimited(partitions, 8, (partition) => typedKeys({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': partition } })),
  ]);
  // The group items themselves are the page's roots, deleted after their memberships.
  const dependentKeys = unique([...found, ...queried.flat().filter((item) => item.type !== group.type)]);
  const rootKeys = roots.map((item) => ({ pk: String(item.pk), sk: String(item.sk), type: String(item.type) }));
  return [...(dependentKeys.length ? [dependentKeys] : []), ...(rootKeys.length ? [rootKeys] : [])];
}

/**
 * The items a member's record points at. A hidden member released its markers and edges (a
 * marker of its old name may belong to another member now, and goes with that one).
 */
function memberItemKeys(tenantId: string, member: TeamMemberRecord): Key[] {
  const own = [importRecord.key({ tenantId, memberId: member.id }), inactiveMember.key({ tenantId, memberId: member.id })];
  if (member.deletedAt) return own;
  return [
    ...own,
    userNameMarker.key({ tenantId, userName: member.userName }),
    ...(member.externalId ? [userExternalIdMarker.key({ tenantId, externalId: member.externalId })] : []),
    ...member.identifiers.map((identifier) => identifierEdge.key({ tenantId, identifier, userId: member.id })),
    ...member.awaiting.map((identifier) => awaitingEdgeKey(tenantId, identifier, member.id)),
  ];
}

function groupMarkerKeys(tenantId: string, record: GroupRecord): Key[] {
  return [
    groupNameMarker.key({ tenantId, displayName: record.displayName }),
    ...(record.externalId ? [groupExternalIdMarker.key({ tenantId, externalId: record.externalId })] : []),
  ];
}

/** DynamoDB refuses a batch that names one key twice. */
function unique(keys: TypedKey[]): TypedKey[] {
  return [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, key])).values()];
}

async function typedKeys(query: { KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> }): Promise<TypedKey[]> {
  const items = await queryAll({ ...query, ProjectionExpression: 'pk, sk, #type', ExpressionAttributeNames: { '#type': 'type' } });
  return items.map((item) => ({ pk: String(item.pk), sk: String(item.sk), type: String(item.type) }));
}

async function existing(keys: Key[]): Promise<TypedKey[]> {
  if (!keys.length) return [];
  const items = await batchGet(keys, { expression: 'pk, sk, #type', names: { '#type': 'type' } });
  return items.map((item) => ({ pk: String(item.pk), sk: String(item.sk), type: String(item.type) }));
}

const THROTTLED = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded']);
const MAX_ATTEMPTS = 12;

/**
 * Deletes items 25 per BatchWriteItem, `parallel` requests at a time. Unprocessed items (DynamoDB's
 * answer to throttling inside a batch) and throttling errors are retried with exponential backoff
 * and jitter; after MAX_ATTEMPTS the delete stops with an error (run it again to resume).
 * `onBatch` is called after each request that deleted something.
 */
export async function deleteItems(keys: Key[], { parallel = 4, onBatch }: { parallel?: number; onBatch?: (deleted: number) => void } = {}): Promise<void> {
  const batches: Key[][] = [];
  for (let offset = 0; offset < keys.length; offset += 25) batches.push(keys.slice(offset, offset + 25));
  await mapLimited(batches, parallel, async (batch) => {
    let pending: Key[] = batch;
    for (let attempt = 0; pending.length; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB kept refusing ${pending.length} deletes (throttled ${MAX_ATTEMPTS} times); run the command again to resume.`);
      if (attempt) await backoff(attempt);
      try {
        const { UnprocessedItems } = await db().send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: pending.map((key) => ({ DeleteRequest: { Key: { pk: key.pk, sk: key.sk } } })) } }),
        );
        const left = (UnprocessedItems?.[tableName()] ?? []).map((request) => request.DeleteRequest!.Key as Key);
        onBatch?.(pending.length - left.length);
        pending = left;
      } catch (error) {
        if (!THROTTLED.has((error as Error).name)) throw error;
      }
    }
  });
}

function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(5_000, 50 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * (ceiling / 2)));
}

/** Every company's id, from the tenant index's `COMPANIES` partition. */
export async function listCompanyIds(): Promise<string[]> {
  const partition = tenantSettings.indexPartition('tenant', {});
  const items = await queryAll({
    IndexName: INDEXES.tenant.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': INDEXES.tenant.partition },
    ExpressionAttributeValues: { ':pk': partition },
  });
  return items.map((item) => tenantSettings.parse(item)!.tenantId);
}
