import { keyCanExist } from './dynamo-limits.js';
import { connection, type ConnectionRecord } from './entities/connection.js';
import { queryAll } from './query-all.js';
import { conditionalUpdate, getItem, isConditionFailure, putNew } from './writes.js';

export type { ConnectionRecord, ConnectionSource } from './entities/connection.js';

export async function putConnection(record: ConnectionRecord): Promise<void> {
  await putNew(connection.toItem(record));
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
  const key = connection.key({ tenantId, id: connectionId });
  if (!keyCanExist(key)) return undefined;
  const item = await getItem(key, { consistent: true });
  return item ? connection.fromItem(item) : undefined;
}

/** Every connection of a tenant, deleted ones included (a company has a handful). */
export async function listConnections(tenantId: string): Promise<ConnectionRecord[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': connection.partition({ tenantId }), ':prefix': connection.sortPrefix() },
  });
  return items.map((item) => connection.fromItem(item));
}

/** Marks the connection deleted; false if it does not exist or was deleted already. */
export async function markConnectionDeleted(tenantId: string, connectionId: string, deletedAt: string): Promise<boolean> {
  return conditionalUpdate({
    Key: connection.key({ tenantId, id: connectionId }),
    UpdateExpression: 'SET deletedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt)',
    ExpressionAttributeValues: { ':at': deletedAt },
  });
}

/** Records use, unless another request recorded it after `staleBefore` (so at most one write per period). */
export async function touchConnection(tenantId: string, connectionId: string, usedAt: string, staleBefore: string): Promise<boolean> {
  return conditionalUpdate({
    Key: connection.key({ tenantId, id: connectionId }),
    UpdateExpression: 'SET lastUsedAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
    ExpressionAttributeValues: { ':at': usedAt, ':stale': staleBefore },
  });
}

/** Revokes an OAuth grant: every token of that family stops working at its next resolution. */
export async function addRevokedGrant(tenantId: string, connectionId: string, grantId: string): Promise<boolean> {
  return conditionalUpdate({
    Key: connection.key({ tenantId, id: connectionId }),
    UpdateExpression: 'ADD revokedGrants :grant',
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeValues: { ':grant': new Set([grantId]) },
  });
}
