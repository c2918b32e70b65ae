import { defineEntity } from '../entity.js';

/** An admin signed in on the consent page and may now Allow or Deny this authorization request. */
export interface ConsentTicketRecord {
  ticketHash: string;
  tenantId: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  /** SHA-256 of the secret in the consent cookie of the browser that signed in. */
  browserHash: string;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
}

export const consentTicket = defineEntity<ConsentTicketRecord>()({
  type: 'ConsentTicket',
  key: { pk: 'OAUTH#CONSENT#{ticketHash}', sk: 'CONSENT' },
  attributes: {
    ticketHash: 'string',
    tenantId: 'string',
    clientId: 'string',
    redirectUri: 'string',
    state: 'string',
    codeChallenge: 'string',
    browserHash: 'string',
    createdAt: 'string',
    expiresAt: 'number',
  },
  indexes: { tenant: { pk: 'T#{tenantId}#ALL', sk: 'CONSENT#{ticketHash}' } },
});
