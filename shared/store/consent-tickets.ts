import { connectionKeys } from './keys.js';
import { takeOnce } from './take-once.js';
import { putNew } from './writes.js';

/** An admin signed in on the consent page and may now Allow or Deny this authorization request. */
export interface ConsentTicketRecord {
  ticketHash: string;
  tenantId: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  createdAt: string;
  /** Epoch seconds (TTL). */
  expiresAt: number;
}

export async function putConsentTicket(record: ConsentTicketRecord): Promise<void> {
  await putNew(connectionKeys.consentTicket(record.ticketHash), 'ConsentTicket', record);
}

/** Deletes the ticket and returns it: of two concurrent takers, only one gets it. */
export function takeConsentTicket(ticketHash: string): Promise<ConsentTicketRecord | undefined> {
  return takeOnce<ConsentTicketRecord>(connectionKeys.consentTicket(ticketHash));
}
