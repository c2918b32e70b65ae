import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from './batch-get.js';
import { db, tableName } from './client.js';
import type { Conflict } from './conflicts.js';
import { membership } from './entities/membership.js';
import { teamMember } from './entities/team-member.js';
import { MAX_TRANSACTION_ITEMS, transactWrite, type TransactItem } from './transactions.js';

/**
 * Group membership, one edge item per member on the group's side (groups of 100,000 members are
 * just 100,000 small items in the group's partition), and the member's side as the `groupIds` set
 * on the team-member item, so reading a user — with its groups — stays a single GetItem. Both sides
 * change in the same transaction.
 */
const PARALLEL_TRANSACTIONS = 8;

/** A member as its group's edge knows it. */
export interface GroupMember {
  id: string;
  /** The member's display name (absent on edges written before it was kept). */
  display?: string;
}

/**
 * Members of a group, read page by page (only when a response or a "replace" needs them); with
 * `atMost`, reading stops once more than that many were found.
 */
export async function readMembers(tenantId: string, groupId: string, atMost = Number.POSITIVE_INFINITY): Promise<GroupMember[]> {
  const members: GroupMember[] = [];
  let from: Record<string, unknown> | undefined;
  do {
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :member)',
        ExpressionAttributeValues: { ':pk': membership.partition({ tenantId, groupId }), ':member': membership.sortPrefix() },
        ProjectionExpression: 'sk, #display',
        ExpressionAttributeNames: { '#display': 'display' },
        ConsistentRead: true,
        ...(from ? { ExclusiveStartKey: from } : {}),
      }),
    );
    for (const item of Items) {
      const id = membership.parseSort(item.sk)!.userId;
      members.push(typeof item.display === 'string' ? { id, display: item.display } : { id });
    }
    from = LastEvaluatedKey;
  } while (from && members.length <= atMost);
  return members;
}

/** Member ids of a group (see readMembers). */
export async function readMemberIds(tenantId: string, groupId: string, atMost = Number.POSITIVE_INFINITY): Promise<string[]> {
  return (await readMembers(tenantId, groupId, atMost)).map((member) => member.id);
}

/** What a member's display name is made of, read with the membership state. */
export interface MemberNameParts {
  userName: string;
  attributes: Record<string, unknown>;
}

export interface MembershipState {
  /** Of the ids asked about: those that are team members of the tenant and not deleted, with their names. */
  users: Map<string, MemberNameParts>;
  /** Of the ids asked about: those that are members of the group. */
  members: Set<string>;
}

/**
 * For a PATCH: which ids are real (not deleted) team members and which are already in the group,
 * read together — user items and edge items in the same BatchGet requests (100 keys each).
 */
export async function membershipState(
  tenantId: string,
  groupId: string,
  ids: { users: string[]; members: string[] },
): Promise<MembershipState> {
  const state: MembershipState = { users: new Map(), members: new Set() };
  // A read's cost is the item's size whatever the projection: the name parts come at no extra cost.
  const items = await batchGet(
    [
      ...ids.users.map((userId) => teamMember.key({ tenantId, id: userId })),
      ...ids.members.map((userId) => membership.key({ tenantId, groupId, userId })),
    ],
    { expression: 'pk, sk, deletedAt, userName, #attributes', names: { '#attributes': 'attributes' } },
  );
  for (const item of items) {
    const edge = membership.parse(item);
    if (edge) state.members.add(edge.userId);
    else if (!item.deletedAt) {
      state.users.set(teamMember.parse(item)!.id, { userName: String(item.userName), attributes: (item.attributes as Record<string, unknown> | undefined) ?? {} });
    }
  }
  return state;
}

/**
 * Writes the membership changes of one group: `leading` items (the group's own update) go into the
 * first transaction so they land together with the first changes; the rest follow in transactions
 * of up to 50 members, a few at a time. Adding an existing member or removing a non-member is
 * harmless: both sides are idempotent. A failed condition of an untagged item raises `otherwise`.
 * `displays` holds the display name of each added member, as read for the change.
 */
export async function writeMembershipChanges(
  tenantId: string,
  groupId: string,
  leading: TransactItem[],
  change: MembershipChange,
  otherwise: Conflict | undefined,
  actor: ChangeActor,
): Promise<void> {
  const items = [
    ...change.add.flatMap((userId) => addMember(tenantId, groupId, userId, change.displays?.get(userId), actor)),
    ...change.remove.flatMap((userId) => removeMember(tenantId, groupId, userId, actor)),
  ];
  const firstSize = MAX_TRANSACTION_ITEMS - leading.length - ((MAX_TRANSACTION_ITEMS - leading.length) % 2);
  await transactWrite([...leading, ...items.slice(0, firstSize)], otherwise);
  const rest: TransactItem[][] = [];
  for (let offset = firstSize; offset < items.length; offset += MAX_TRANSACTION_ITEMS) {
    rest.push(items.slice(offset, offset + MAX_TRANSACTION_ITEMS));
  }
  for (let offset = 0; offset < rest.length; offset += PARALLEL_TRANSACTIONS) {
    await Promise.all(rest.slice(offset, offset + PARALLEL_TRANSACTIONS).map((chunk) => transactWrite(chunk, otherwise)));
  }
}

/** Who changes a member's groups and when: stamped on the member item with the change (changedBy / changedAt). */
export interface ChangeActor {
  by: string;
  at: string;
}

export interface MembershipChange {
  add: string[];
  remove: string[];
  /** Display names of added members (an edge without one shows no `display`). */
  displays?: ReadonlyMap<string, string>;
}

/**
 * The edge keeps the member's display name; the member keeps, as `edgeDisplay`, the name its
 * edges were written with. Whenever the two differ (a rename, or an add that raced one), the
 * stream rewrites the member's edges (refreshMemberDisplay), so no edge keeps a stale name.
 */
function addMember(tenantId: string, groupId: string, userId: string, display: string | undefined, actor: ChangeActor): TransactItem[] {
  return [
    { Put: { TableName: tableName(), Item: membership.toItem(display === undefined ? {} : { display }, { tenantId, groupId, userId }) } },
    {
      Update: {
        TableName: tableName(),
        Key: teamMember.key({ tenantId, id: userId }),
        UpdateExpression: `SET changedBy = :by, changedAt = :at${display === undefined ? '' : ', edgeDisplay = :display'} ADD groupIds :group`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':group': new Set([groupId]), ':by': actor.by, ':at': actor.at, ...(display === undefined ? {} : { ':display': display }) },
      },
    },
  ];
}

/**
 * Rewrites the display name on a member's edges in `groupIds` (a membership removed meanwhile is
 * skipped: the update requires the edge), a few groups at a time, then records on the member
 * that its edges carry it — only if the member was not changed since (`version`): a later change
 * gets its own refresh.
 */
export async function refreshMemberDisplay(tenantId: string, userId: string, groupIds: readonly string[], display: string, version: number): Promise<void> {
  const rewrite = async (groupId: string) => {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: membership.key({ tenantId, groupId, userId }),
          UpdateExpression: 'SET #display = :display',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#display': 'display' },
          ExpressionAttributeValues: { ':display': display },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  };
  for (let offset = 0; offset < groupIds.length; offset += PARALLEL_TRANSACTIONS) {
    await Promise.all(groupIds.slice(offset, offset + PARALLEL_TRANSACTIONS).map(rewrite));
  }
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: teamMember.key({ tenantId, id: userId }),
        UpdateExpression: 'SET edgeDisplay = :display',
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':display': display, ':version': version },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

function removeMember(tenantId: string, groupId: string, userId: string, actor: ChangeActor): TransactItem[] {
  return [
    { Delete: { TableName: tableName(), Key: membership.key({ tenantId, groupId, userId }) } },
    {
      Update: {
        TableName: tableName(),
        Key: teamMember.key({ tenantId, id: userId }),
        UpdateExpression: 'SET changedBy = :by, changedAt = :at DELETE groupIds :group',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':group': new Set([groupId]), ':by': actor.by, ':at': actor.at },
      },
    },
  ];
}

/**
 * Removes a member from every group it is in (a deleted user leaves its groups): the group-side
 * edges and one update of the user's `groupIds` per transaction (a transaction may touch an item
 * only once), 99 groups at a time; idempotent, so a retry after a failure finishes the job.
 */
export async function removeFromGroups(tenantId: string, userId: string, groupIds: string[], actor: ChangeActor): Promise<void> {
  const groupsPerTransaction = MAX_TRANSACTION_ITEMS - 1;
  for (let offset = 0; offset < groupIds.length; offset += groupsPerTransaction) {
    const chunk = groupIds.slice(offset, offset + groupsPerTransaction);
    await transactWrite([
      ...chunk.map((groupId) => ({ Delete: { TableName: tableName(), Key: membership.key({ tenantId, groupId, userId }) } })),
      {
        Update: {
          TableName: tableName(),
          Key: teamMember.key({ tenantId, id: userId }),
          UpdateExpression: 'SET changedBy = :by, changedAt = :at DELETE groupIds :groups',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':groups': new Set(chunk), ':by': actor.by, ':at': actor.at },
        },
      },
    ]);
  }
}

/**
 * Bulk-loads group-side edges with BatchWriteItem (25 per request, several requests in flight):
 * for seeding big groups in tests and benchmarks, where the user items are not the point.
 */
export async function seedMemberEdges(tenantId: string, groupId: string, userIds: string[], parallel = 8): Promise<void> {
  const batches: Array<Record<string, unknown>[]> = [];
  for (let offset = 0; offset < userIds.length; offset += 25) {
    batches.push(userIds.slice(offset, offset + 25).map((userId) => ({ PutRequest: { Item: membership.toItem({}, { tenantId, groupId, userId }) } })));
  }
  const next = async (): Promise<void> => {
    const batch = batches.pop();
    if (!batch) return;
    let pending: Record<string, unknown>[] | undefined = batch;
    while (pending?.length) {
      const { UnprocessedItems } = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: pending as never } }));
      pending = UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
    }
    return next();
  };
  await Promise.all(Array.from({ length: parallel }, next));
}
