import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { NO_OWNERSHIP, type FieldOwnership } from '../profile/field-ownership.js';
import { seatCountUpdate, type EffectiveSettings } from './company-config.js';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import { queryIndexPartition, setOrRemove, valuePlaceholders } from './index-query.js';
import { counterUpdate } from './counters.js';
import { assertStorable, keyCanExist, partitionCanExist } from './dynamo-limits.js';
import { INDEXES } from './table-definition.js';
import { caseFold, indexKeys, keys } from './keys.js';
import { pageByCursor, pageByIndex } from './paging.js';
import { ConditionFailed, transactWrite, type TransactItem } from './transactions.js';
import { claimUnique, releaseUnique } from './unique-markers.js';
import { UniquenessConflict, VersionConflict } from './conflicts.js';

export { UniquenessConflict, VersionConflict };

/** A team member as stored: bookkeeping plus the writable SCIM attributes. */
export interface TeamMemberRecord {
  tenantId: string;
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  userName: string;
  externalId?: string;
  active: boolean;
  /**
   * `<kind>:<value>` keys the member can be found by (every email, employee number, full name);
   * each gets an edge item, kept in step with the member in the same transaction.
   */
  identifiers: string[];
  /** The writable SCIM representation (core attributes and extension objects), normalised. */
  attributes: Record<string, unknown>;
  /** What Roster worked out: time zone, manager link, flagged values (read-only on the wire). */
  resolved: ResolvedProfile;
  managerId?: string;
  /** Identifiers of a manager who has not been imported yet; the member is linked when they are. */
  awaiting: string[];
  /** Which profile fields came from the identity provider and which were set by hand. */
  ownership: FieldOwnership;
  /** Seats, permissions and data capture the member has (absent until first computed). */
  effective?: EffectiveSettings;
  /** Counts writes of `effective`, so concurrent recomputations cannot overwrite each other. */
  effectiveVersion: number;
  /** Groups the member belongs to (the user side of the membership edges). */
  groupIds: string[];
  deletedAt?: string;
}

export interface ResolvedProfile {
  resolvedTimeZone: string;
  timeZoneSource: 'timezone' | 'country' | 'stateOrProvince' | 'companyDefault';
  managerResolution: 'email' | 'id' | 'fullName' | 'ambiguous' | 'notFound' | 'none';
  /** Values kept as given but flagged (an unparsable phone number, an unknown country, …). */
  issues: Array<{ field: string; reason: string }>;
}

export type UniqueAttribute = 'userName' | 'externalId';
export class SeatsExhausted extends Error {
  constructor(readonly seatTypeIds: string[]) {
    super(`No seats left: ${seatTypeIds.join(', ')}`);
    this.name = 'SeatsExhausted';
  }
}

const TYPE = 'TeamMember';
type Item = Record<string, unknown>;

export async function getTeamMember(tenantId: string, id: string): Promise<TeamMemberRecord | undefined> {
  if (!keyCanExist(keys.user(tenantId, id))) return undefined;
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.user(tenantId, id), ConsistentRead: true }),
  );
  return Item ? teamMemberFromItem(Item) : undefined;
}

export async function findTeamMembersByUserName(tenantId: string, userName: string): Promise<TeamMemberRecord[]> {
  return queryIndex(INDEXES.lookup, indexKeys.lookupPartition(tenantId, 'users', userName));
}

export async function findTeamMembersByExternalId(tenantId: string, externalId: string): Promise<TeamMemberRecord[]> {
  return queryIndex(INDEXES.external, indexKeys.externalPartition(tenantId, 'users', externalId));
}

/** Members known by an identifier (`email:…`, `employeeNumber:…`, `fullName:…`). */
export async function findTeamMembersByIdentifier(tenantId: string, identifier: string): Promise<TeamMemberRecord[]> {
  return getTeamMembers(tenantId, await idsUnder(keys.identifierPartition(tenantId, identifier)));
}

/** Members waiting for a manager known by `identifier`. */
export async function findTeamMembersAwaiting(tenantId: string, identifier: string): Promise<TeamMemberRecord[]> {
  return getTeamMembers(tenantId, await idsUnder(keys.awaitingPartition(tenantId, identifier)));
}

/** Direct reports of a manager, through the sparse reports index. */
export async function findDirectReports(tenantId: string, managerId: string): Promise<TeamMemberRecord[]> {
  return queryIndex(INDEXES.reports, indexKeys.reportsPartition(tenantId, managerId));
}

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
  return Items.map((item) => keys.idFromEdge(String(item.sk)));
}

export async function getTeamMembers(tenantId: string, ids: string[]): Promise<TeamMemberRecord[]> {
  const found = (await batchGet(ids.map((id) => keys.user(tenantId, id)))).map(teamMemberFromItem);
  const order = new Map(ids.map((id, index) => [id, index]));
  return found.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export async function listTeamMembersByIndex(tenantId: string, startIndex: number, count: number) {
  return (await pageByIndex(tenantId, 'users', startIndex, count)).map(teamMemberFromItem);
}

export async function listTeamMembersByCursor(tenantId: string, cursor: string | undefined, count: number) {
  const page = await pageByCursor(tenantId, 'users', cursor, count);
  return { items: page.items.map(teamMemberFromItem), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Creates the member and claims its userName / externalId in one transaction. */
export async function insertTeamMember(record: TeamMemberRecord): Promise<void> {
  assertStorable(record, 'user');
  const items: TransactItem[] = [
    { Put: { TableName: tableName(), Item: toItem(record), ConditionExpression: 'attribute_not_exists(pk)' } },
    claimUnique(keys.userNameMarker(record.tenantId, record.userName), record.id),
    ...(record.externalId ? [claimUnique(keys.userExternalIdMarker(record.tenantId, record.externalId), record.id)] : []),
    ...record.identifiers.map((identifier) => putEdge(keys.identifierEdge(record.tenantId, identifier, record.id))),
    ...record.awaiting.map((identifier) => putEdge(keys.awaitingEdge(record.tenantId, identifier, record.id))),
    counterUpdate(record.tenantId, 'users', 1),
  ];
  await write(items, ['item', 'userName', ...(record.externalId ? (['externalId'] as const) : [])]);
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
  const uniques: Array<'item' | UniqueAttribute> = ['item'];
  // The marker and lookup key are case-folded: a change of letter case alone keeps the claim.
  if (caseFold(previous.userName) !== caseFold(next.userName)) {
    items.push(releaseUnique(keys.userNameMarker(tenantId, previous.userName), id));
    uniques.push('item');
    items.push(claimUnique(keys.userNameMarker(tenantId, next.userName), id));
    uniques.push('userName');
  }
  if (previous.externalId !== next.externalId) {
    if (previous.externalId) {
      items.push(releaseUnique(keys.userExternalIdMarker(tenantId, previous.externalId), id));
      uniques.push('item');
    }
    if (next.externalId) {
      items.push(claimUnique(keys.userExternalIdMarker(tenantId, next.externalId), id));
      uniques.push('externalId');
    }
  }
  for (const edge of [keys.identifierEdge, keys.awaitingEdge] as const) {
    const field = edge === keys.identifierEdge ? 'identifiers' : 'awaiting';
    const before = new Set(previous[field]);
    const after = new Set(next[field]);
    for (const gone of previous[field].filter((identifier) => !after.has(identifier))) {
      items.push({ Delete: { TableName: tableName(), Key: edge(tenantId, gone, id) } });
      uniques.push('item');
    }
    for (const added of next[field].filter((identifier) => !before.has(identifier))) {
      items.push(putEdge(edge(tenantId, added, id)));
      uniques.push('item');
    }
  }
  await write(items, uniques);
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
  /** Items that must land with the settings (a history entry), written after the seats and the member. */
  alsoWrite: TransactItem[] = [],
): Promise<void> {
  const items: TransactItem[] = [
    ...seats.take.map((seatTypeId) => seatCountUpdate(member.tenantId, seatTypeId, 1)),
    ...seats.release.map((seatTypeId) => seatCountUpdate(member.tenantId, seatTypeId, -1)),
    {
      Update: {
        TableName: tableName(),
        Key: keys.user(member.tenantId, member.id),
        UpdateExpression: 'SET effective = :effective, effectiveVersion = :next',
        ConditionExpression:
          member.effectiveVersion === 0
            ? 'attribute_exists(pk) AND (attribute_not_exists(effectiveVersion) OR effectiveVersion = :previous)'
            : 'effectiveVersion = :previous',
        ExpressionAttributeValues: { ':effective': effective, ':next': member.effectiveVersion + 1, ':previous': member.effectiveVersion },
      },
    },
    ...alsoWrite,
  ];
  try {
    await transactWrite(items);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    const exhausted = error.failedIndexes.filter((index) => index < seats.take.length).map((index) => seats.take[index]!);
    if (exhausted.length) throw new SeatsExhausted(exhausted);
    throw new VersionConflict('The team member');
  }
}

/** The one-request activation change (Okta's deactivate / reactivate PATCH). */
export async function setTeamMemberActive(
  tenantId: string,
  id: string,
  change: { active: boolean; updatedAt: string; updatedBy: string; expectedVersion?: number },
): Promise<TeamMemberRecord> {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(tenantId, id),
        UpdateExpression:
          'SET active = :active, #attributes.active = :active, version = version + :one, updatedAt = :at, updatedBy = :by',
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(deletedAt)' + (change.expectedVersion === undefined ? '' : ' AND version = :expected'),
        ExpressionAttributeNames: { '#attributes': 'attributes' },
        ExpressionAttributeValues: {
          ':active': change.active,
          ':one': 1,
          ':at': change.updatedAt,
          ':by': change.updatedBy,
          ...(change.expectedVersion === undefined ? {} : { ':expected': change.expectedVersion }),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return teamMemberFromItem(Attributes!);
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
export async function hideTeamMember(previous: TeamMemberRecord, deletedAt: string, deletedBy: string): Promise<string[]> {
  const { tenantId, id } = previous;
  const others: TransactItem[] = [
    releaseUnique(keys.userNameMarker(tenantId, previous.userName), id),
    ...(previous.externalId ? [releaseUnique(keys.userExternalIdMarker(tenantId, previous.externalId), id)] : []),
    ...previous.identifiers.map((identifier) => ({ Delete: { TableName: tableName(), Key: keys.identifierEdge(tenantId, identifier, id) } })),
    ...previous.awaiting.map((identifier) => ({ Delete: { TableName: tableName(), Key: keys.awaitingEdge(tenantId, identifier, id) } })),
    counterUpdate(tenantId, 'users', -1),
  ];
  const leavesGroupsHere = 1 + others.length + previous.groupIds.length <= MAX_TRANSACTION_ITEMS;
  const removed = [
    ...[INDEXES.list, INDEXES.lookup, INDEXES.external, INDEXES.reports].flatMap((index) => [index.partition, index.sort]),
    ...(leavesGroupsHere && previous.groupIds.length ? ['groupIds'] : []),
  ];
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.user(tenantId, id),
        UpdateExpression: `SET deletedAt = :at, active = :false, #attributes.active = :false, version = version + :one, updatedAt = :at, updatedBy = :by REMOVE ${removed.join(', ')}`,
        ConditionExpression: 'version = :expected AND attribute_not_exists(deletedAt)',
        ExpressionAttributeNames: { '#attributes': 'attributes' },
        ExpressionAttributeValues: { ':at': deletedAt, ':by': deletedBy, ':false': false, ':one': 1, ':expected': previous.version },
      },
    },
    ...others,
    ...(leavesGroupsHere
      ? previous.groupIds.map((groupId) => ({ Delete: { TableName: tableName(), Key: keys.membershipOfGroup(tenantId, groupId, id) } }))
      : []),
  ];
  await write(items, items.map(() => 'item' as const));
  return leavesGroupsHere ? [] : previous.groupIds;
}

const MAX_TRANSACTION_ITEMS = 100;

async function write(items: TransactItem[], meaning: Array<'item' | UniqueAttribute>): Promise<void> {
  try {
    await transactWrite(items);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    const unique = error.failedIndexes.map((index) => meaning[index]).find((what) => what && what !== 'item');
    if (unique) throw new UniquenessConflict<UniqueAttribute>(unique as UniqueAttribute);
    throw new VersionConflict('The team member');
  }
}

function putEdge(key: { pk: string; sk: string }): TransactItem {
  return { Put: { TableName: tableName(), Item: { ...key, type: 'Edge' } } };
}

function updateMember(next: TeamMemberRecord, expectedVersion: number): TransactItem {
  const values: Record<string, unknown> = {
    ':expected': expectedVersion,
    ':version': next.version,
    ':updatedAt': next.updatedAt,
    ':updatedBy': next.updatedBy,
    ':userName': next.userName,
    ':active': next.active,
    ':identifiers': next.identifiers,
    ':awaiting': next.awaiting,
    ':attributes': next.attributes,
    ':resolved': next.resolved,
    ':ownership': next.ownership,
    ...valuePlaceholders(indexAttributes(next)),
  };
  const set = ['version = :version', 'updatedAt = :updatedAt', 'updatedBy = :updatedBy', 'userName = :userName', 'active = :active', 'identifiers = :identifiers', 'awaiting = :awaiting', '#attributes = :attributes', 'resolved = :resolved', 'ownership = :ownership'];
  set.push(...Object.keys(indexAttributes(next)).map((name) => `${name} = :${name}`));
  const remove: string[] = [];
  setOrRemove({ set, remove, values }, 'externalId', next.externalId, INDEXES.external);
  setOrRemove({ set, remove, values }, 'managerId', next.managerId, INDEXES.reports);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(next.tenantId, next.id),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: 'version = :expected AND attribute_not_exists(deletedAt)',
      ExpressionAttributeNames: { '#attributes': 'attributes' },
      ExpressionAttributeValues: values,
    },
  };
}


function indexAttributes(record: TeamMemberRecord): Record<string, string> {
  return {
    ...indexKeys.list(record.tenantId, 'users', record.id),
    ...indexKeys.lookup(record.tenantId, 'users', record.userName),
    ...(record.externalId ? indexKeys.external(record.tenantId, 'users', record.externalId) : {}),
    ...(record.managerId ? indexKeys.reports(record.tenantId, record.managerId, record.id) : {}),
  };
}

function toItem(record: TeamMemberRecord): Item {
  const { groupIds, ...rest } = record;
  return {
    ...keys.user(record.tenantId, record.id),
    type: TYPE,
    ...rest,
    ...(groupIds.length ? { groupIds: new Set(groupIds) } : {}),
    ...indexAttributes(record),
  };
}

/** A team member from a DynamoDB stream image (undefined for other items). */
export function teamMemberFromStreamImage(image: Record<string, AttributeValue> | undefined): TeamMemberRecord | undefined {
  if (!image) return undefined;
  const item = unmarshall(image);
  return item.type === TYPE ? teamMemberFromItem(item) : undefined;
}

export function teamMemberFromItem(item: Item): TeamMemberRecord {
  return {
    tenantId: String(item.tenantId),
    id: String(item.id),
    version: Number(item.version),
    createdAt: String(item.createdAt),
    updatedAt: String(item.updatedAt),
    createdBy: String(item.createdBy),
    updatedBy: String(item.updatedBy),
    userName: String(item.userName),
    ...(item.externalId ? { externalId: String(item.externalId) } : {}),
    active: Boolean(item.active),
    identifiers: (item.identifiers as string[] | undefined) ?? [],
    attributes: (item.attributes as Record<string, unknown>) ?? {},
    resolved: item.resolved as ResolvedProfile,
    ...(item.managerId ? { managerId: String(item.managerId) } : {}),
    awaiting: (item.awaiting as string[] | undefined) ?? [],
    ownership: (item.ownership as FieldOwnership | undefined) ?? NO_OWNERSHIP,
    ...(item.effective ? { effective: item.effective as EffectiveSettings } : {}),
    effectiveVersion: Number(item.effectiveVersion ?? 0),
    groupIds: item.groupIds instanceof Set ? [...(item.groupIds as Set<string>)].sort() : [],
    ...(item.deletedAt ? { deletedAt: String(item.deletedAt) } : {}),
  };
}

async function queryIndex(index: { name: string; partition: string }, partition: string): Promise<TeamMemberRecord[]> {
  return (await queryIndexPartition(index, partition)).map(teamMemberFromItem);
}
