import { defineEntity } from '../entity.js';

/** Edge items carry nothing but their key: the member is found by the partition it is listed under. */
export type NoAttributes = Record<never, never>;
const edge = defineEntity<NoAttributes>();

/** A member known by an identifier (`email:…`, `employeeNumber:…`, `fullName:…`), for lookups. */
export const identifierEdge = edge({ type: 'Edge', key: { pk: 'T#{tenantId}#ID#{identifier}', sk: 'U#{userId}' }, attributes: {} });

/** A report waiting for the manager known by an identifier, linked when that manager is imported. */
export const awaitingEdge = edge({ type: 'Edge', key: { pk: 'T#{tenantId}#AW#{identifier}', sk: 'U#{userId}' }, attributes: {} });
