import { batchGet } from './batch-get.js';
import { caseFold } from './case-fold.js';
import { tableName } from './client.js';
import { queryIndexPartition } from './index-query.js';
import { counterUpdate } from './counters.js';
import { keyCanExist } from './dynamo-limits.js';
import { updateExpression } from './entity.js';
import { group, type GroupRecord } from './entities/group.js';
import { groupExternalIdMarker, groupNameMarker } from './entities/unique-markers.js';
import { pageByCursor, pageByIndex } from './paging.js';
import { writeMembershipChanges, type ChangeActor, type MembershipChange } from './memberships.js';
import type { TransactItem } from './transactions.js';
import { claimUnique, releaseUnique } from './unique-markers.js';
import { getItem } from './writes.js';

export type { GroupRecord } from './entities/group.js';

export type GroupUniqueAttribute = 'displayName' | 'externalId';

/**
 * A group's own items for one transaction (creation, update, touch or deletion). Each item carries
 * the conflict its condition raises.
 */
export interface GroupChange {
  items: TransactItem[];
}

export async function getGroups(tenantId: string, ids: string[]): Promise<GroupRecord[]> {
  return (await batchGet(ids.map((id) => group.key({ tenantId, id })))).map((item) => group.fromItem(item));
}

export async function getGroup(tenantId: string, id: string): Promise<GroupRecord | undefined> {
  const key = group.key({ tenantId, id });
  if (!keyCanExist(key)) return undefined;
  const item = await getItem(key, { consistent: true });
  return item ? group.fromItem(item) : undefined;
}

export async function findGroupsByDisplayName(tenantId: string, displayName: string): Promise<GroupRecord[]> {
  return queryIndex('lookup', { tenantId, displayName });
}

export async function findGroupsByExternalId(tenantId: string, externalId: string): Promise<GroupRecord[]> {
  return queryIndex('external', { tenantId, externalId });
}

export async function listGroupsByIndex(tenantId: string, startIndex: number, count: number): Promise<GroupRecord[]> {
  return (await pageByIndex(tenantId, 'groups', startIndex, count)).map((item) => group.fromItem(item));
}

export async function listGroupsByCursor(tenantId: string, cursor: string | undefined, count: number) {
  const page = await pageByCursor(tenantId, 'groups', cursor, count);
  return { items: page.items.map((item) => group.fromItem(item)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The transaction items that create a group and claim its displayName / externalId. */
export function groupCreation(record: GroupRecord): GroupChange {
  return {
    items: [
      { Put: { TableName: tableName(), Item: group.toItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
      claimDisplayName(record),
      ...(record.externalId ? [claimExternalId(record)] : []),
      counterUpdate(record.tenantId, 'groups', 1),
    ],
  };
}

/**
 * The transaction items that move a group from `previous` to `next` attributes. The version is
 * bumped without a version condition (membership changes bump it too and must not conflict); the
 * condition is on the name read, so two racing renames cannot both claim, and on If-Match when given.
 */
export function groupUpdate(previous: GroupRecord, next: GroupRecord, expectedVersion?: number): GroupChange {
  const { tenantId, id } = next;
  const update = group.updateWithIndexes(next, ['updatedAt', 'updatedBy', 'displayName', 'externalId']);
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: group.key(next),
        UpdateExpression: updateExpression(update, 'version :one'),
        ConditionExpression: `attribute_exists(pk) AND displayName = :previousName${expectedVersion === undefined ? '' : ' AND version = :expected'}`,
        ExpressionAttributeNames: update.names,
        ExpressionAttributeValues: {
          ...update.values,
          ':one': 1,
          ':previousName': previous.displayName,
          ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }),
        },
      },
    },
  ];
  if (caseFold(previous.displayName) !== caseFold(next.displayName)) {
    items.push(releaseUnique(groupNameMarker.key({ tenantId, displayName: previous.displayName }), id), claimDisplayName(next));
  }
  if (previous.externalId !== next.externalId) {
    if (previous.externalId) items.push(releaseUnique(groupExternalIdMarker.key({ tenantId, externalId: previous.externalId }), id));
    if (next.externalId) items.push(claimExternalId(next));
  }
  return { items };
}

/** Bumps the version of a group whose members changed; fails if the group is gone (or If-Match is stale). */
export function groupTouch(tenantId: string, id: string, at: string, by: string, expectedVersion?: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: group.key({ tenantId, id }),
      UpdateExpression: 'SET updatedAt = :at, updatedBy = :by ADD version :one',
      ConditionExpression: `attribute_exists(pk)${expectedVersion === undefined ? '' : ' AND version = :expected'}`,
      ExpressionAttributeValues: { ':at': at, ':by': by, ':one': 1, ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }) },
    },
  };
}

export function groupDeletion(record: GroupRecord, expectedVersion?: number): TransactItem[] {
  const { tenantId, id } = record;
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: group.key(record),
        ConditionExpression: `attribute_exists(pk)${expectedVersion === undefined ? '' : ' AND version = :expected'}`,
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    releaseUnique(groupNameMarker.key({ tenantId, displayName: record.displayName }), id),
    ...(record.externalId ? [releaseUnique(groupExternalIdMarker.key({ tenantId, externalId: record.externalId }), id)] : []),
    counterUpdate(tenantId, 'groups', -1),
  ];
}

/**
 * Writes a group change: its own items (creation, update, touch or deletion) together with the
 * first membership changes, then the rest of the membership changes (see memberships.ts). A taken
 * displayName or externalId is a UniquenessConflict; any other failed condition a VersionConflict.
 */
export async function writeGroup(
  tenantId: string,
  groupId: string,
  change: GroupChange,
  members: MembershipChange,
  actor: ChangeActor,
): Promise<void> {
  await writeMembershipChanges(tenantId, groupId, change.items, members, { changed: 'The group' }, actor);
}

function claimDisplayName(record: GroupRecord): TransactItem {
  return claimUnique(
    groupNameMarker.toItem({ ownerId: record.id }, { tenantId: record.tenantId, displayName: record.displayName }),
    'displayName' satisfies GroupUniqueAttribute,
  );
}

function claimExternalId(record: GroupRecord): TransactItem {
  return claimUnique(
    groupExternalIdMarker.toItem({ ownerId: record.id }, { tenantId: record.tenantId, externalId: record.externalId! }),
    'externalId' satisfies GroupUniqueAttribute,
  );
}

async function queryIndex(index: 'lookup' | 'external', facets: Record<string, string>): Promise<GroupRecord[]> {
  return (await queryIndexPartition(index, group.indexPartition(index, facets))).map((item) => group.fromItem(item));
}
