import { defineEntity } from '../entity.js';

/** An OAuth grant: one consent, one token family, on one connection, for one client. */
export interface Grant {
  tenantId: string;
  connectionId: string;
  grantId: string;
  clientId: string;
}

export interface RefreshTokenRecord extends Grant {
  tokenHash: string;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
  /** Set when it was exchanged for a new pair: from then on, presenting it again is reuse. */
  rotatedAt?: string;
}

export const refreshToken = defineEntity<RefreshTokenRecord>()({
  type: 'RefreshToken',
  key: { pk: 'OAUTH#REFRESH#{tokenHash}', sk: 'REFRESH' },
  attributes: {
    tenantId: 'string',
    connectionId: 'string',
    grantId: 'string',
    clientId: 'string',
    tokenHash: 'string',
    createdAt: 'string',
    expiresAt: 'number',
    rotatedAt: 'string',
  },
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'REFRESH#{tokenHash}' } },
});
