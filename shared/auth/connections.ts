import { v7 as uuidv7 } from 'uuid';
import { notFound } from '../errors.js';
import { log } from '../log.js';
import {
  getConnection,
  listConnections,
  markConnectionDeleted,
  putConnection,
  putConnectionIfAbsent,
  touchConnection,
  type ConnectionRecord,
} from '../store/connections.js';
import type { NewConnection } from './connection-input.js';
import { issueToken } from './issue-token.js';
import { lifetimes } from './lifetimes.js';

/**
 * A company's provisioning connections: one per Okta app instance (or other SCIM client), each
 * with its own tokens, so an old and a new instance can run side by side while a company migrates.
 * Deleting a connection revokes every token of it at once: token resolution reads the connection.
 */
export type ConnectionView = Pick<ConnectionRecord, 'id' | 'name' | 'source' | 'createdAt'> & { lastUsedAt: string | null };

export async function createConnection(tenantId: string, input: NewConnection, id: string = uuidv7()): Promise<ConnectionRecord> {
  const record: ConnectionRecord = { tenantId, id, name: input.name, source: input.source, createdAt: new Date().toISOString() };
  await putConnection(record);
  return record;
}

/** For fixed ids (the local demo company), on every start: creates the connection unless it exists. */
export async function ensureConnection(tenantId: string, input: NewConnection, id: string): Promise<void> {
  await putConnectionIfAbsent({ tenantId, id, name: input.name, source: input.source, createdAt: new Date().toISOString() });
}

/** In creation order (fixed ids, like the local demo's, do not sort by time). */
export async function listActiveConnections(tenantId: string): Promise<ConnectionRecord[]> {
  return (await listConnections(tenantId))
    .filter((connection) => !connection.deletedAt)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The connection, if it exists in this tenant and is not deleted. */
export async function requireActiveConnection(tenantId: string, connectionId: string): Promise<ConnectionRecord> {
  const connection = await getConnection(tenantId, connectionId);
  if (!connection || connection.deletedAt) throw notFound(`Connection ${connectionId} not found.`);
  return connection;
}

export async function deleteConnection(tenantId: string, connectionId: string): Promise<void> {
  if (!(await markConnectionDeleted(tenantId, connectionId, new Date().toISOString()))) {
    throw notFound(`Connection ${connectionId} not found.`);
  }
}

/** A new SCIM bearer token of the connection: returned once, stored only as a hash. */
export async function issueConnectionToken(tenantId: string, connectionId: string): Promise<{ token: string; connection: ConnectionRecord }> {
  const connection = await requireActiveConnection(tenantId, connectionId);
  return { token: await issueToken(tenantId, connection.id, 'scim'), connection };
}

/** Whether a token of this connection (of OAuth grant `grantId`, if any) may still be used. */
export function connectionAccepts(connection: ConnectionRecord | undefined, grantId?: string): connection is ConnectionRecord {
  if (!connection || connection.deletedAt) return false;
  return !(grantId && connection.revokedGrants?.includes(grantId));
}

/**
 * Keeps `lastUsedAt` within lifetimes.lastUsedResolutionMs without a write per request: it writes
 * only when the stored value is older than that, and conditionally, so concurrent requests write
 * once. Bookkeeping must never fail a request, so failures are only logged.
 */
export async function noteConnectionUse(connection: ConnectionRecord): Promise<void> {
  const now = Date.now();
  const staleBefore = new Date(now - lifetimes.lastUsedResolutionMs).toISOString();
  if (connection.lastUsedAt && connection.lastUsedAt >= staleBefore) return;
  try {
    await touchConnection(connection.tenantId, connection.id, new Date(now).toISOString(), staleBefore);
  } catch (error) {
    // Read-only functions (scim-discovery) may not write; the next writer records the use.
    const level = (error as Error).name === 'AccessDeniedException' ? 'debug' : 'warn';
    log(level, 'connection last-used not recorded', { tenantId: connection.tenantId, connectionId: connection.id, errorName: (error as Error).name });
  }
}

export function toConnectionView(connection: ConnectionRecord): ConnectionView {
  const { id, name, source, createdAt, lastUsedAt } = connection;
  return { id, name, source, createdAt, lastUsedAt: lastUsedAt ?? null };
}
