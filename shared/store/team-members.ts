import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { seatCountChange, seatCountUpdate, type EffectiveSettings } from './company-config.js';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import { queryIndexPartition } from './index-query.js';
import { queryAll } from './query-all.js';
import { counterUpdate } from './counters.js';
import { assertStorable, keyCanExist, partitionCanExist } from './dynamo-limits.js';
import { caseFold } from './case-fold.js';
import { updateExpression } from './entity.js';
import { awaitedKey, awaitingEdge, awaitingEdgeItem, awaitingEdgeKey, identifierEdge } from './entities/edges.js';
import { membership } from './entities/membership.js';
import { teamMember, type TeamMemberRecord } from './entities/team-member.js';
import { userExternalIdMarker, userNameMarker } from './entities/unique-markers.js';
import { pageByCursor, pageByIndex } from './paging.js';
import { MAX_TRANSACTION_ITEMS, transactWrite, type TransactItem } from './transactions.js';
import { claimUnique, releaseUnique } from './unique-markers.js';
import { SeatsExhausted, UniquenessConflict, VersionConflict, type Conflict } from './conflicts.js';
import { INDEXES } from './table.js';
import { getItem } from './writes.js';

export { SeatsExhausted, UniquenessConflict, VersionConflict };
export type { ResolvedProfile, TeamMemberRecord } from './entities/team-member.js';

export type UniqueAttribute = 'userName' | 'externalId';

const CHANGED: Conflict = { changed: 'The team member' };

export async function getTeamMember(tenantId: string, id: string): Promise<TeamMemberRecord | undefined> {
  const key = teamMember.key({ tenantId, id });
  if (!keyCanExist(key)) return undefined;
  const item = await getItem(key, { consistent: true });
  return item ? teamMember.fromItem(item) : undefined;
}

export async function findTeamMembersByUserName(tenantId: string, userName: string): Promise<TeamMemberRecord[]> {
  return queryIndex('lookup', { tenantId, userName });
}

export async function findTeamMembersByExternalId(tenantId: string, externalId: string): Promise<TeamMemberRecord[]> {
  return queryIndex('external', { tenantId, externalId });
}

/** Members known by an identifier (`email:…`, `employeeNumber:…`, `fullName:…`). */
export async function findTeamMembersByIdentifier(tenantId: string, identifier: string): Promise<TeamMemberRecord[]> {
  return getTeamMembers(tenantId, await idsUnder(identifierEdge.partition({ tenantId, identifier })));
}

/** Members waiting for a manager known by `identifier` (one Query; findMembersAwaitingAny answers for many identifiers at once). */
export async function findTeamMembersAwaiting(tenantId: string, identifier: string): Promise<TeamMemberRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :awaited)',
    ExpressionAttributeValues: { ':pk': awaitingEdge.partition({ tenantId }), ':awaited': awaitingEdge.sortPrefix({ awaited: awaitedKey(identifier) }) },
  });
  return getTeamMembers(tenantId, items.map((item) => awaitingEdge.parseSort(item.sk)!.userId));
}

/**
 * The members waiting for a manager known by any of `identifiers`, by identifier: one read of the
 * company's waits (a Query, paged when they are many), however many identifiers are asked about.
 */
export async function findMembersAwaitingAny(tenantId: string, identifiers: string[]): Promise<Map<string, string[]>> {
  const wanted = new Map(identifiers.map((identifier) => [awaitedKey(identifier), identifier]));
  const waiting = new Map<string, string[]>();
  if (!wanted.size) return waiting;
  const edges = await queryAll({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': awaitingEdge.partition({ tenantId }) },
    ProjectionExpression: 'sk',
    ConsistentRead: true,
  });
  for (const item of edges) {
    const { awaited, userId } = awaitingEdge.parseSort(item.sk)!;
    const identifier = wanted.get(awaited);
    if (identifier) waiting.set(identifier, [...(waiting.get(identifier) ?? []), userId]);
  }
  return waiting;
}

/** Direct reports of a manager, through the sparse reports index. */
export async function findDirectReports(tenantId: string, managerId: string): Promise<TeamMemberRecord[]> {
  return queryIndex('reports', { tenantId, managerId });
}

/** The member ids of the edges under an identifier's partition. */
async function idsUnder(partition: string): Promise<string[]> {
  if (!partitionCanExist(partition)) return [];
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      Limit: 100,
    }),
  );
  return Items.map((item) => identifierEdge.parseSort(item.sk)!.userId);
}

/** Members by id, in the order asked (missing ones left out); `consistent` reads them as getTeamMember does. */
export async function getTeamMembers(tenantId: string, ids: string[], options: { consistent?: boolean } = {}): Promise<TeamMemberRecord[]> {
  const found = (await batchGet(ids.map((id) => teamMember.key({ tenantId, id })), undefined, options)).map((item) => teamMember.fromItem(item));
  const order = new Map(ids.map((id, index) => [id, index]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The live members holding these userNames (case-insensitively), read through their markers: two batch reads. */
export async function getTeamMembersByUserNames(tenantId: string, userNames: string[]): Promise<TeamMemberRecord[]> {
  const markers = await batchGet(userNames.map((userName) => userNameMarker.key({ tenantId, userName })));
  return getTeamMembers(tenantId, markers.map((item) => userNameMarker.fromItem(item).ownerId));
}

export async function listTeamMembersByIndex(tenantId: string, startIndex: number, count: number) {
  return (await pageByIndex(tenantId, 'users', startIndex, count)).map((item) => teamMember.fromItem(item));
}

export async function listTeamMembersByCursor(tenantId: string, cursor: string | undefined, count: number) {
  const page = await pageByCursor(tenantId, 'users', cursor, count);
  return { items: page.items.map((item) => teamMember.fromItem(item)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Creates the member and claims its userName / externalId in one transaction. */
export async function insertTeamMember(record: TeamMemberRecord): Promise<void> {
  assertStorable(record, 'user');
  const { tenantId, id } = record;
  const items: TransactItem[] = [
    { Put: { TableName: tableName(), Item: teamMember.toItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
    claimUserName(record),
    ...(record.externalId ? [claimExternalId(record)] : []),
    ...record.identifiers.map((identifier) => putEdge(identifierEdge.toItem({}, { tenantId, identifier, userId: id }))),
    ...record.awaiting.map((identifier) => putEdge(awaitingEdgeItem(tenantId, identifier, id))),
    counterUpdate(tenantId, 'users', 1),
  ];
  await transactWrite(items, CHANGED);
}

/**
 * Replaces the writable state of `previous` with `next`, only if nobody changed it meanwhile
 * (version check). Markers and email edges move in the same transaction. groupIds is never
 * written here, so a concurrent membership change is not lost.
 */
export async function replaceTeamMember(previous: TeamMemberRecord, next: TeamMemberRecord): Promise<void> {
  assertStorable(next, 'user');
  const { tenantId, id } = next;
  const items: TransactItem[] = [updateMember(next, previous.version)];
  // The marker and lookup key are case-folded: a change of letter case alone keeps the claim.
  if (caseFold(previous.userName) !== caseFold(next.userName)) {
    items.push(releaseUnique(userNameMarker.key({ tenantId, userName: previous.userName }), id), claimUserName(next));
  }
  if (previous.externalId !== next.externalId) {
    if (previous.externalId) items.push(releaseUnique(userExternalIdMarker.key({ tenantId, externalId: previous.externalId }), id));
    if (next.externalId) items.push(claimExternalId(next));
  }
  const edges = {
    identifiers: {
      key: (identifier: string) => identifierEdge.key({ tenantId, identifier, userId: id }),
      item: (identifier: string) => identifierEdge.toItem({}, { tenantId, identifier, userId: id }),
    },
    awaiting: { key: (identifier: string) => awaitingEdgeKey(tenantId, identifier, id), item: (identifier: string) => awaitingEdgeItem(tenantId, identifier, id) },
  };
  for (const field of ['identifiers', 'awaiting'] as const) {
    const before = new Set(previous[field]);
    const after = new Set(next[field]);
    for (const gone of previous[field].filter((identifier) => !after.has(identifier))) {
      items.push({ Delete: { TableName: tableName(), Key: edges[field].key(gone) } });
    }
    for (const added of next[field].filter((identifier) => !before.has(identifier))) items.push(putEdge(edges[field].item(added)));
  }
  await transactWrite(items, CHANGED);
}

/**
 * Writes a member's effective settings together with the seats they take and give back, in one
 * transaction: a seat is taken only while `inUse < total`, so totals are never exceeded however
 * many imports race. Fails with SeatsExhausted (nothing written) when a seat type ran out, or
 * VersionConflict when the member's settings were written meanwhile.
 */
export async function writeEffectiveSettings(
  member: TeamMemberRecord,
  effective: EffectiveSettings,
  seats: { take: string[]; release: string[] },
  /** Who changes them: Roster recomputing (`roster`), or an admin or manager editing by hand. */
  changedBy: string,
  at: string = new Date().toISOString(),
): Promise<void> {
  await transactWrite(
    [
      ...seats.take.map((seatTypeId) => seatCountUpdate(member.tenantId, seatTypeId, 1)),
      ...seats.release.map((seatTypeId) => seatCountUpdate(member.tenantId, seatTypeId, -1)),
      effectiveSettingsUpdate(member, effective, changedBy, at),
    ],
    CHANGED,
  );
}

/**
 * Writes the effective settings of several members of a company in one transaction, with the
 * seats they take and give back summed per seat type (`seatChanges`, see seatCountChange): up to
 * 100 items in all. Fails as a whole (nothing written) when any seat type ran out, a total changed
 * or any member's settings were written meanwhile.
 */
export async function writeEffectiveSettingsTogether(
  tenantId: string,
  writes: Array<{ member: TeamMemberRecord; effective: EffectiveSettings }>,
  seatChanges: Array<{ seatTypeId: string; delta: number; total: number }>,
  changedBy: string,
  at: string = new Date().toISOString(),
): Promise<void> {
  await transactWrite(
    [
      ...seatChanges.map(({ seatTypeId, delta, total }) => seatCountChange(tenantId, seatTypeId, delta, total)),
      ...writes.map(({ member, effective }) => effectiveSettingsUpdate(member, effective, changedBy, at)),
    ],
    CHANGED,
  );
}

/** The conditional write of a member's effective settings (the version read must still be there). */
function effectiveSettingsUpdate(member: TeamMemberRecord, effective: EffectiveSettings, changedBy: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: teamMember.key(member),
      UpdateExpression: 'SET effective = :effective, effectiveVersion = :next, changedBy = :by, changedAt = :at',
      ConditionExpression:
        member.effectiveVersion === 0
          ? 'attribute_exists(pk) AND (attribute_not_exists(effectiveVersion) OR effectiveVersion = :previous)'
          : 'effectiveVersion = :previous',
      ExpressionAttributeValues: {
        ':effective': effective,
        ':next': member.effectiveVersion + 1,
        ':previous': member.effectiveVersion,
        ':by': changedBy,
        ':at': at,
      },
    },
  };
}

/** The one-request activation change (Okta's deactivate / reactivate PATCH). */
export async function setTeamMemberActive(
  tenantId: string,
  id: string,
  change: { active: boolean; updatedAt: string; updatedBy: string; expectedVersion?: number; changedBy?: string },
): Promise<TeamMemberRecord> {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: teamMember.key({ tenantId, id }),
        UpdateExpression:
          'SET active = :active, #attributes.active = :active, version = version + :one, updatedAt = :at, updatedBy = :by, changedAt = :at, changedBy = :changedBy',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(deletedAt)' + (change.expectedVersion === undefined ? '' : ' AND version = :expected'),
        ExpressionAttributeNames: { '#attributes': 'attributes' },
        ExpressionAttributeValues: {
          ':active': change.active,
          ':one': 1,
          ':at': change.updatedAt,
          ':by': change.updatedBy,
          ':changedBy': change.changedBy ?? change.updatedBy,
          ...(change.expectedVersion === undefined ? {} : { ':expected': change.expectedVersion }),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamMember.fromItem(Attributes!);
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new VersionConflict('The team member');
    throw error;
  }
}

/**
 * Hides a deleted member: it leaves the list and lookup indexes, frees its userName and
 * externalId and email edges, but the item (and its history) stays. When everything fits one
 * transaction (up to 100 items) the member also leaves its groups in it; otherwise the groups it
 * is still in are returned, for the caller to remove it from (removeFromGroups, idempotent).
 */
export async function hideTeamMember(previous: TeamMemberRecord, deletedAt: string, deletedBy: string, changedBy = deletedBy): Promise<string[]> {
  const { tenantId, id } = previous;
  const others: TransactItem[] = [
    releaseUnique(userNameMarker.key({ tenantId, userName: previous.userName }), id),
    ...(previous.externalId ? [releaseUnique(userExternalIdMarker.key({ tenantId, externalId: previous.externalId }), id)] : []),
    ...previous.identifiers.map((identifier) => ({ Delete: { TableName: tableName(), Key: identifierEdge.key({ tenantId, identifier, userId: id }) } })),
    ...previous.awaiting.map((identifier) => ({ Delete: { TableName: tableName(), Key: awaitingEdgeKey(tenantId, identifier, id) } })),
    counterUpdate(tenantId, 'users', -1),
  ];
  const leavesGroupsHere = 1 + others.length + previous.groupIds.length <= MAX_TRANSACTION_ITEMS;
  // A hidden member leaves every request-path index but stays in the operator's tenant index.
  const kept = new Set<string>([INDEXES.tenant.partition, INDEXES.tenant.sort]);
  const removed = [...teamMember.indexAttributeNames().filter((name) => !kept.has(name)), ...(leavesGroupsHere && previous.groupIds.length ? ['groupIds'] : [])];
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: teamMember.key(previous),
        UpdateExpression: `SET deletedAt = :at, active = :false, #attributes.active = :false, version = version + :one, updatedAt = :at, updatedBy = :by, changedAt = :at, changedBy = :changedBy REMOVE ${removed.join(', ')}`,
        ConditionExpression: 'version = :expected AND attribute_not_exists(deletedAt)',
        ExpressionAttributeNames: { '#attributes': 'attributes' },
        ExpressionAttributeValues: { ':at': deletedAt, ':by': deletedBy, ':changedBy': changedBy, ':false': false, ':one': 1, ':expected': previous.version },
      },
    },
    ...others,
    ...(leavesGroupsHere
      ? previous.groupIds.map((groupId) => ({ Delete: { TableName: tableName(), Key: membership.key({ tenantId, groupId, userId: id }) } }))
      : []),
  ];
  await transactWrite(items, CHANGED);
  return leavesGroupsHere ? [] : previous.groupIds;
}

function claimUserName(record: TeamMemberRecord): TransactItem {
  return claimUnique(userNameMarker.toItem({ ownerId: record.id }, { tenantId: record.tenantId, userName: record.userName }), 'userName' satisfies UniqueAttribute);
}

function claimExternalId(record: TeamMemberRecord): TransactItem {
  return claimUnique(
    userExternalIdMarker.toItem({ ownerId: record.id }, { tenantId: record.tenantId, externalId: record.externalId! }),
    'externalId' satisfies UniqueAttribute,
  );
}

function putEdge(item: Record<string, unknown>): TransactItem {
  return { Put: { TableName: tableName(), Item: item } };
}

/** The writable attributes a replacement writes (never groupIds, effective or the creation fields). */
const REPLACED: Array<keyof TeamMemberRecord & string> = [
  'version', 'updatedAt', 'updatedBy', 'userName', 'active', 'identifiers', 'awaiting', 'attributes', 'resolved', 'ownership', 'externalId', 'managerId',
  'changedBy', 'changedAt',
];

function updateMember(next: TeamMemberRecord, expectedVersion: number): TransactItem {
  const update = teamMember.updateWithIndexes(next, REPLACED);
  return {
    Update: {
      TableName: tableName(),
      Key: teamMember.key(next),
      UpdateExpression: updateExpression(update),
      ConditionExpression: 'version = :expected AND attribute_not_exists(deletedAt)',
      ExpressionAttributeNames: update.names,
      ExpressionAttributeValues: { ...update.values, ':expected': expectedVersion },
    },
  };
}

/** A team member from a DynamoDB stream image (undefined for other items). */
export function teamMemberFromStreamImage(image: Record<string, AttributeValue> | undefined): TeamMemberRecord | undefined {
  if (!image) return undefined;
  const item = unmarshall(image);
  return teamMember.is(item) ? teamMember.fromItem(item) : undefined;
}

async function queryIndex(index: 'lookup' | 'external' | 'reports', facets: Record<string, string>): Promise<TeamMemberRecord[]> {
  return (await queryIndexPartition(index, teamMember.indexPartition(index, facets))).map((item) => teamMember.fromItem(item));
}
