import { defineEntity } from '../entity.js';

export type TokenScope = 'scim' | 'admin';

export interface TokenRecord {
  tokenHash: string;
  tenantId: string;
  connectionId: string;
  scope: TokenScope;
  createdAt: string;
  revokedAt?: string;
  /** Admin tokens: when last used (written at most once per lifetimes.lastUsedResolutionMs). */
  lastUsedAt?: string;
  /** OAuth access tokens only: the grant (token family), the client, and the expiry (epoch seconds, TTL). */
  grantId?: string;
  clientId?: string;
  expiresAt?: number;
}

export const token = defineEntity<TokenRecord>()({
  type: 'Token',
  key: { pk: 'TOKEN#{tokenHash}', sk: 'TOKEN' },
  attributes: {
    tokenHash: 'string',
    tenantId: 'string',
    connectionId: 'string',
    scope: 'string',
    createdAt: 'string',
    revokedAt: 'string',
    lastUsedAt: 'string',
    grantId: 'string',
    clientId: 'string',
    expiresAt: 'number',
  },
  // By scope in the tenant index, so a company's admin tokens are one Query without its SCIM and OAuth tokens.
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'TOKEN#{scope}#{tokenHash}' } },
});
