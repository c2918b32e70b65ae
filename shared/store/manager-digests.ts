import { createHash } from 'node:crypto';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { VersionConflict } from './conflicts.js';
import type { Item } from './entity.js';
import { DIGEST_TTL_SECONDS, managerDigest, type DigestRecord } from './entities/manager-digest.js';
import { importQueuedUpdate } from './import-records.js';
import { queryAll } from './query-all.js';
import { TTL_ATTRIBUTE } from './table.js';
import { transactWrite, type TransactItem } from './transactions.js';
import { getItem, isConditionFailure } from './writes.js';

/** Pending digests of all tenants are spread over a few partitions, so a burst never heats one. */
export const DIGEST_SHARDS = 4;

export type { DigestRecord } from './entities/manager-digest.js';

export interface QueuedNotification {
  tenantId: string;
  memberId: string;
  managerId: string;
  at: Date;
  dueAt: Date;
  capAt: Date;
  mode: 'firstImport' | 'lateLink';
}

export function digestShard(tenantId: string, managerId: string): number {
  return createHash('sha256').update(`${tenantId}#${managerId}`).digest()[0]! % DIGEST_SHARDS;
}

/**
 * Queues a member for its manager's digest, atomically with its import record; false (nothing
 * written) when the import record says it was handled before.
 */
export async function queueNotification(queued: QueuedNotification): Promise<boolean> {
  const { memberId, mode, ...digest } = queued;
  return queueNotificationsTogether([{ ...digest, members: [{ memberId, mode }] }]);
}

/** Members queued for one manager's digest at once (the stream's batch). */
export interface DigestAddition extends Omit<QueuedNotification, 'memberId' | 'mode'> {
  members: Array<Pick<QueuedNotification, 'memberId' | 'mode'>>;
}

/** The items of a digest addition in a transaction: one per member, and the digest's. */
export function digestAdditionSize(addition: DigestAddition): number {
  return addition.members.length + 1;
}

/**
 * queueNotification for members of several managers in one transaction (their import records and
 * the managers' digests, up to 100 items: see digestAdditionSize); false (nothing written) when
 * any member's import record says it was handled before.
 */
export async function queueNotificationsTogether(additions: DigestAddition[]): Promise<boolean> {
  try {
    await transactWrite(additions.flatMap(additionItems));
    return true;
  } catch (error) {
    if (error instanceof VersionConflict) return false;
    throw error;
  }
}

function additionItems({ tenantId, managerId, members, at, dueAt, capAt }: DigestAddition): TransactItem[] {
  const queuedAt = at.toISOString();
  return [
    ...members.map(({ memberId, mode }) => importQueuedUpdate(tenantId, memberId, managerId, queuedAt, dueAt.toISOString(), mode)),
    {
      Update: {
        TableName: tableName(),
        Key: managerDigest.key({ shard: digestShard(tenantId, managerId), tenantId, managerId }),
        UpdateExpression:
          'SET #type = :type, tenantId = :tenantId, managerId = :managerId, dueAt = :dueAt, capAt = if_not_exists(capAt, :capAt), #ttl = :ttl ADD memberIds :members',
        ExpressionAttributeNames: { '#type': 'type', '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: {
          ':type': managerDigest.type,
          ':tenantId': tenantId,
          ':managerId': managerId,
          ':dueAt': dueAt.toISOString(),
          ':capAt': capAt.toISOString(),
          ':ttl': Math.floor(at.getTime() / 1000) + DIGEST_TTL_SECONDS,
          ':members': new Set(members.map(({ memberId }) => memberId)),
        },
      },
    },
  ];
}

/** Digests whose wait is over at `now` (claimed ones included: their claim may have gone stale). */
export async function listDueDigests(now: Date): Promise<DigestRecord[]> {
  const shards = Array.from({ length: DIGEST_SHARDS }, (_, shard) => shard);
  const pages = await Promise.all(
    shards.map((shard) =>
      queryAll({
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'attribute_exists(memberIds) AND (dueAt <= :now OR capAt <= :now)',
        ExpressionAttributeValues: { ':pk': managerDigest.partition({ shard }), ':now': now.toISOString() },
      }).then((items) => items.map((item) => fromItem(shard, item))),
    ),
  );
  return pages.flat();
}

/**
 * Takes a due digest for sending: succeeds for one caller only, unless the previous claim is older
 * than `staleBefore` (its sender died). Returns the digest as claimed, with the members to send.
 */
export async function claimDigest(digest: DigestRecord, claimId: string, now: Date, staleBefore: Date): Promise<DigestRecord | undefined> {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keyOf(digest),
        UpdateExpression: 'SET claimId = :claimId, claimedAt = :now',
        ConditionExpression:
          'attribute_exists(memberIds) AND (dueAt <= :now OR capAt <= :now) AND (attribute_not_exists(claimId) OR claimedAt < :stale)',
        ExpressionAttributeValues: { ':claimId': claimId, ':now': now.toISOString(), ':stale': staleBefore.toISOString() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(digest.shard, Attributes!);
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Marks the claimed members done (sent, or deliberately not sent) by removing them from the digest;
 * the digest goes away when nobody joined it meanwhile. False if the claim was lost.
 */
export async function completeDigest(claimed: DigestRecord, claimId: string): Promise<boolean> {
  let remaining: Record<string, unknown> | undefined;
  try {
    ({ Attributes: remaining } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keyOf(claimed),
        UpdateExpression: 'DELETE memberIds :done REMOVE claimId, claimedAt, capAt, failures',
        ConditionExpression: 'claimId = :claimId',
        ExpressionAttributeValues: { ':done': new Set(claimed.memberIds), ':claimId': claimId },
        ReturnValues: 'ALL_NEW',
      }),
    ));
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  if (!remaining?.memberIds) {
    await db()
      .send(
        new DeleteCommand({
          TableName: tableName(),
          Key: keyOf(claimed),
          ConditionExpression: 'attribute_not_exists(memberIds) AND attribute_not_exists(claimId)',
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }
  return true;
}

/** Gives a digest back after a failed send, so a later release tries again. */
export async function releaseClaim(claimed: DigestRecord, claimId: string): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keyOf(claimed),
        UpdateExpression: 'REMOVE claimId, claimedAt SET failures = if_not_exists(failures, :zero) + :one',
        ConditionExpression: 'claimId = :claimId',
        ExpressionAttributeValues: { ':claimId': claimId, ':zero': 0, ':one': 1 },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
}

/** A manager's pending digest, if any (for tests and support). */
export async function findDigest(tenantId: string, managerId: string): Promise<DigestRecord | undefined> {
  const shard = digestShard(tenantId, managerId);
  const item = await getItem(managerDigest.key({ shard, tenantId, managerId }), { consistent: true });
  return item ? fromItem(shard, item) : undefined;
}

function keyOf(digest: DigestRecord) {
  return managerDigest.key(digest);
}

function fromItem(shard: number, item: Item): DigestRecord {
  return { shard, ...managerDigest.fromItem(item) };
}
