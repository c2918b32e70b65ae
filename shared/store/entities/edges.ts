import { createHash } from 'node:crypto';
import { defineEntity } from '../entity.js';

/** Edge items carry nothing but their key: the member is found by the partition it is listed under. */
export type NoAttributes = Record<never, never>;
const edge = defineEntity<NoAttributes>();

/** A member known by an identifier (`email:…`, `employeeNumber:…`, `fullName:…`), for lookups. */
export const identifierEdge = edge({ type: 'Edge', key: { pk: 'T#{tenantId}#ID#{identifier}', sk: 'U#{userId}' }, attributes: {} });

/**
 * A report waiting for the manager known by an identifier, linked when that manager is imported.
 * A company's waits share one partition, so the stream finds the reports waiting for any of a
 * batch's members in one Query, whatever the number of identifiers; the identifier is in the sort
 * key as a hash of it (`awaitedKey`): a fixed length whatever its value, and no email in a key.
 */
export const awaitingEdge = edge({ type: 'Edge', key: { pk: 'T#{tenantId}#AW', sk: '{awaited}#U#{userId}' }, attributes: {} });

/** The sort-key form of an awaited identifier: 128 bits of its SHA-256, base64url (no `#`). */
export function awaitedKey(identifier: string): string {
  return createHash('sha256').update(identifier).digest('base64url').slice(0, 22);
}

/** The key of the edge of a report (`userId`) waiting for `identifier`. */
export function awaitingEdgeKey(tenantId: string, identifier: string, userId: string) {
  return awaitingEdge.key({ tenantId, awaited: awaitedKey(identifier), userId });
}

/** The item of that edge. */
export function awaitingEdgeItem(tenantId: string, identifier: string, userId: string) {
  return awaitingEdge.toItem({}, { tenantId, awaited: awaitedKey(identifier), userId });
}

/**
 * The awaiting edge as it was keyed before the company's waits shared one partition (a partition
 * per awaited identifier): read only to move such edges (awaiting-edge-move.ts).
 */
export const earlierAwaitingEdge = edge({ type: 'Edge', key: { pk: 'T#{tenantId}#AW#{identifier}', sk: 'U#{userId}' }, attributes: {} });
