import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import { queryIndexPartition, setOrRemove, valuePlaceholders } from './index-query.js';
import { counterUpdate } from './counters.js';
import { caseFold, indexKeys, keys } from './keys.js';
import { pageByCursor, pageByIndex } from './paging.js';
import { keyCanExist } from './dynamo-limits.js';
import { INDEXES } from './table-definition.js';
import { writeMembershipChanges } from './memberships.js';
import { ConditionFailed, type TransactItem } from './transactions.js';
import { claimUnique, releaseUnique } from './unique-markers.js';
import { UniquenessConflict, VersionConflict } from './conflicts.js';

/** A group as stored. Its members are separate edge items (see memberships.ts), never a list here. */
export interface GroupRecord {
  tenantId: string;
  id: string;
  displayName: string;
  externalId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export type GroupUniqueAttribute = 'displayName' | 'externalId';

type Item = Record<string, unknown>;

export async function getGroups(tenantId: string, ids: string[]): Promise<GroupRecord[]> {
  return (await batchGet(ids.map((id) => keys.group(tenantId, id)))).map(fromItem);
}

export async function getGroup(tenantId: string, id: string): Promise<GroupRecord | undefined> {
  if (!keyCanExist(keys.group(tenantId, id))) return undefined;
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.group(tenantId, id), ConsistentRead: true }));
  return Item ? fromItem(Item) : undefined;
}

export async function findGroupsByDisplayName(tenantId: string, displayName: string): Promise<GroupRecord[]> {
  return queryIndex(INDEXES.lookup, indexKeys.lookupPartition(tenantId, 'groups', displayName));
}

export async function findGroupsByExternalId(tenantId: string, externalId: string): Promise<GroupRecord[]> {
  return queryIndex(INDEXES.external, indexKeys.externalPartition(tenantId, 'groups', externalId));
}

export async function listGroupsByIndex(tenantId: string, startIndex: number, count: number): Promise<GroupRecord[]> {
  return (await pageByIndex(tenantId, 'groups', startIndex, count)).map(fromItem);
}

export async function listGroupsByCursor(tenantId: string, cursor: string | undefined, count: number) {
  const page = await pageByCursor(tenantId, 'groups', cursor, count);
  return { items: page.items.map(fromItem), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** The transaction items that create a group and claim its displayName / externalId. */
export function groupCreation(record: GroupRecord): { items: TransactItem[]; meaning: Array<GroupUniqueAttribute | undefined> } {
  const items: TransactItem[] = [
    { Put: { TableName: tableName(), Item: toItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
    claimUnique(keys.groupNameMarker(record.tenantId, record.displayName), record.id),
    ...(record.externalId ? [claimUnique(keys.groupExternalIdMarker(record.tenantId, record.externalId), record.id)] : []),
    counterUpdate(record.tenantId, 'groups', 1),
  ];
  return { items, meaning: [undefined, 'displayName', ...(record.externalId ? (['externalId'] as const) : []), undefined] };
}

/**
 * The transaction items that move a group from `previous` to `next` attributes. The version is
 * bumped without a version condition (membership changes bump it too and must not conflict); the
 * condition is on the name read, so two racing renames cannot both claim, and on If-Match when given.
 */
export function groupUpdate(
  previous: GroupRecord,
  next: GroupRecord,
  expectedVersion?: number,
): { items: TransactItem[]; meaning: Array<GroupUniqueAttribute | undefined> } {
  const { tenantId, id } = next;
  const values: Record<string, unknown> = {
    ':one': 1,
    ':at': next.updatedAt,
    ':by': next.updatedBy,
    ':name': next.displayName,
    ':previousName': previous.displayName,
    ...valuePlaceholders(indexAttributes(next)),
  };
  const set = ['updatedAt = :at', 'updatedBy = :by', 'displayName = :name', ...Object.keys(indexAttributes(next)).map((name) => `${name} = :${name}`)];
  const remove: string[] = [];
  setOrRemove({ set, remove, values }, 'externalId', next.externalId, INDEXES.external);
  let condition = 'attribute_exists(pk) AND displayName = :previousName';
  if (expectedVersion !== undefined) {
    condition += ' AND version = :expected';
    values[':expected'] = expectedVersion;
  }
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.group(tenantId, id),
        UpdateExpression: `SET ${set.join(', ')} ADD version :one${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      },
    },
  ];
  const meaning: Array<GroupUniqueAttribute | undefined> = [undefined];
  if (caseFold(previous.displayName) !== caseFold(next.displayName)) {
    items.push(releaseUnique(keys.groupNameMarker(tenantId, previous.displayName), id), claimUnique(keys.groupNameMarker(tenantId, next.displayName), id));
    meaning.push(undefined, 'displayName');
  }
  if (previous.externalId !== next.externalId) {
    if (previous.externalId) {
      items.push(releaseUnique(keys.groupExternalIdMarker(tenantId, previous.externalId), id));
      meaning.push(undefined);
    }
    if (next.externalId) {
      items.push(claimUnique(keys.groupExternalIdMarker(tenantId, next.externalId), id));
      meaning.push('externalId');
    }
  }
  return { items, meaning };
}

/** Bumps the version of a group whose members changed; fails if the group is gone (or If-Match is stale). */
export function groupTouch(tenantId: string, id: string, at: string, by: string, expectedVersion?: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.group(tenantId, id),
      UpdateExpression: 'SET updatedAt = :at, updatedBy = :by ADD version :one',
      ConditionExpression: `attribute_exists(pk)${expectedVersion === undefined ? '' : ' AND version = :expected'}`,
      ExpressionAttributeValues: { ':at': at, ':by': by, ':one': 1, ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }) },
    },
  };
}

export function groupDeletion(record: GroupRecord, expectedVersion?: number): TransactItem[] {
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: keys.group(record.tenantId, record.id),
        ConditionExpression: `attribute_exists(pk)${expectedVersion === undefined ? '' : ' AND version = :expected'}`,
        ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
      },
    },
    releaseUnique(keys.groupNameMarker(record.tenantId, record.displayName), record.id),
    ...(record.externalId ? [releaseUnique(keys.groupExternalIdMarker(record.tenantId, record.externalId), record.id)] : []),
    counterUpdate(record.tenantId, 'groups', -1),
  ];
}

/**
 * Writes a group change: its own items (creation, update, touch or deletion) together with the
 * first membership changes, then the rest of the membership changes (see memberships.ts). Failed
 * conditions become uniqueness or change conflicts.
 */
export async function writeGroup(
  tenantId: string,
  groupId: string,
  change: { items: TransactItem[]; meaning: Array<GroupUniqueAttribute | undefined> },
  members: { add: string[]; remove: string[] } = { add: [], remove: [] },
): Promise<void> {
  const { meaning } = change;
  try {
    await writeMembershipChanges(tenantId, groupId, change.items, members);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    const unique = error.failedIndexes.map((index) => meaning[index]).find(Boolean);
    if (unique) throw new UniquenessConflict<GroupUniqueAttribute>(unique);
    throw new VersionConflict('The group');
  }
}

function indexAttributes(record: GroupRecord): Record<string, string> {
  return {
    ...indexKeys.list(record.tenantId, 'groups', record.id),
    ...indexKeys.lookup(record.tenantId, 'groups', record.displayName),
    ...(record.externalId ? indexKeys.external(record.tenantId, 'groups', record.externalId) : {}),
  };
}


function toItem(record: GroupRecord): Item {
  return { ...keys.group(record.tenantId, record.id), type: 'Group', ...record, ...indexAttributes(record) };
}

function fromItem(item: Item): GroupRecord {
  return {
    tenantId: String(item.tenantId),
    id: String(item.id),
    displayName: String(item.displayName),
    ...(item.externalId ? { externalId: String(item.externalId) } : {}),
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    createdBy: String(item.createdBy),
    updatedBy: String(item.updatedBy),
  };
}

async function queryIndex(index: { name: string; partition: string }, partition: string): Promise<GroupRecord[]> {
  return (await queryIndexPartition(index, partition)).map(fromItem);
}
