import { defineEntity } from '../entity.js';
import type { Grant } from './refresh-token.js';

/** A single-use code. Its grant is the token family it starts: replaying the code revokes it. */
export interface AuthorizationCodeRecord extends Grant {
  codeHash: string;
  /** Set when the admin chose a new connection: it is created, with this name, when the code is exchanged. */
  newConnectionName?: string;
  redirectUri: string;
  codeChallenge?: string;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
  usedAt?: string;
}

export const authorizationCode = defineEntity<AuthorizationCodeRecord>()({
  type: 'AuthorizationCode',
  key: { pk: 'OAUTH#CODE#{codeHash}', sk: 'CODE' },
  attributes: {
    tenantId: 'string',
    connectionId: 'string',
    grantId: 'string',
    clientId: 'string',
    codeHash: 'string',
    newConnectionName: 'string',
    redirectUri: 'string',
    codeChallenge: 'string',
    createdAt: 'string',
    expiresAt: 'number',
    usedAt: 'string',
  },
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'CODE#{codeHash}' } },
});
