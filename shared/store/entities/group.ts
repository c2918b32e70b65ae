import { defineEntity } from '../entity.js';

/** A group as stored. Its members are separate edge items (see membership.ts), never a list here. */
export interface GroupRecord {
  tenantId: string;
  id: string;
  displayName: string;
  externalId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

export const group = defineEntity<GroupRecord>()({
  type: 'Group',
  key: { pk: 'T#{tenantId}#G#{id}', sk: '#GROUP' },
  attributes: {
    tenantId: 'string',
    id: 'string',
    displayName: 'string',
    externalId: 'string',
    version: 'number',
    createdAt: 'string',
    updatedAt: 'string',
    createdBy: 'string',
    updatedBy: 'string',
  },
  indexes: {
    list: { pk: 'T#{tenantId}#groups', sk: '{id}' },
    lookup: { pk: 'T#{tenantId}#groups#name#{displayName}', sk: 'groups' },
    external: { pk: 'T#{tenantId}#groups#ext#{externalId}', sk: 'groups' },
    tenant: { pk: 'T#{tenantId}#ALL', sk: 'G#{id}' },
  },
  caseFolded: ['displayName'],
});
