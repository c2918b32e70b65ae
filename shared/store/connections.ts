import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure, recordOf } from './item.js';
import { keyCanExist } from './dynamo-limits.js';
import { connectionKeys } from './keys.js';
import { queryAll } from './query-all.js';
import { conditionalUpdate, putNew } from './writes.js';

export type ConnectionSource = 'okta' | 'custom';

/** A provisioning connection: one Okta app instance (or other client) of a company. */
export interface ConnectionRecord {
  tenantId: string;
  id: string;
  name: string;
  source: ConnectionSource;
  createdAt: string;
  lastUsedAt?: string;
  /** Set when the connection is deleted: every token of it stops working. */
  deletedAt?: string;
  /** OAuth grants (token families) revoked on this connection. */
  revokedGrants?: string[];
}

export async function putConnection(record: ConnectionRecord): Promise<void> {
  await putNew(connectionKeys.connection(record.tenantId, record.id), 'Connection', record);
}

/** Creates the connection unless it exists (the local seed, run on every start). */
export async function putConnectionIfAbsent(record: ConnectionRecord): Promise<void> {
  try {
    await putConnection(record);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

export async function getConnection(tenantId: string, connectionId: string): Promise<ConnectionRecord | undefined> {
  if (!keyCanExist(connectionKeys.connection(tenantId, connectionId))) return undefined;
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: connectionKeys.connection(tenantId, connectionId), ConsistentRead: true }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** Every connection of a tenant, deleted ones included (a company has a handful). */
export async function listConnections(tenantId: string): Promise<ConnectionRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': connectionKeys.connectionPartition(tenantId), ':prefix': connectionKeys.connectionPrefix },
  });
  return items.map(fromItem);
}

/** Marks the connection deleted; false if it does not exist or was deleted already. */
export async function markConnectionDeleted(tenantId: string, connectionId: string, deletedAt: string): Promise<boolean> {
  return conditionalUpdate({
    Key: connectionKeys.connection(tenantId, connectionId),
    UpdateExpression: 'SET deletedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt)',
    ExpressionAttributeValues: { ':at': deletedAt },
  });
}

/** Records use, unless another request recorded it after `staleBefore` (so at most one write per period). */
export async function touchConnection(tenantId: string, connectionId: string, usedAt: string, staleBefore: string): Promise<boolean> {
  return conditionalUpdate({
    Key: connectionKeys.connection(tenantId, connectionId),
    UpdateExpression: 'SET lastUsedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
    ExpressionAttributeValues: { ':at': usedAt, ':stale': staleBefore },
  });
}

/** Revokes an OAuth grant: every token of that family stops working at its next resolution. */
export async function addRevokedGrant(tenantId: string, connectionId: string, grantId: string): Promise<boolean> {
  return conditionalUpdate({
    Key: connectionKeys.connection(tenantId, connectionId),
    UpdateExpression: 'ADD revokedGrants :grant',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':grant': new Set([grantId]) },
  });
}

function fromItem(item: Record<string, unknown>): ConnectionRecord {
  const record = recordOf<ConnectionRecord & { revokedGrants?: Set<string> }>(item);
  return { ...record, revokedGrants: record.revokedGrants ? [...record.revokedGrants] : undefined };
}
