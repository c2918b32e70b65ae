import { defineEntity } from '../entity.js';

/**
 * Uniqueness (userName, group displayName, externalId) is a marker item claimed in the same
 * transaction as the resource write; `ownerId` is the resource that holds it. Names compare
 * case-insensitively, external ids exactly.
 */
export interface UniqueMarkerRecord {
  ownerId: string;
}

const marker = defineEntity<UniqueMarkerRecord>();
const attributes = { ownerId: 'string' } as const;

export const userNameMarker = marker({ type: 'UniqueMarker', key: { pk: 'T#{tenantId}#UN#{userName}', sk: '#UNIQUE' }, attributes, caseFolded: ['userName'] });
export const userExternalIdMarker = marker({ type: 'UniqueMarker', key: { pk: 'T#{tenantId}#UX#{externalId}', sk: '#UNIQUE' }, attributes });
export const groupNameMarker = marker({ type: 'UniqueMarker', key: { pk: 'T#{tenantId}#GN#{displayName}', sk: '#UNIQUE' }, attributes, caseFolded: ['displayName'] });
export const groupExternalIdMarker = marker({ type: 'UniqueMarker', key: { pk: 'T#{tenantId}#GX#{externalId}', sk: '#UNIQUE' }, attributes });
