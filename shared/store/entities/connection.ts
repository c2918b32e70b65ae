import { defineEntity } from '../entity.js';

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

export const connection = defineEntity<ConnectionRecord>()({
  type: 'Connection',
  key: { pk: 'T#{tenantId}#CONN', sk: 'C#{id}' },
  attributes: {
    tenantId: 'string',
    id: 'string',
    name: 'string',
    source: 'string',
    createdAt: 'string',
    lastUsedAt: 'string',
    deletedAt: 'string',
    revokedGrants: 'set',
  },
});
