import { consentTicket, type ConsentTicketRecord } from './entities/consent-ticket.js';
import { takeOnce } from './take-once.js';
import { putNew } from './writes.js';

export type { ConsentTicketRecord } from './entities/consent-ticket.js';

export async function putConsentTicket(record: ConsentTicketRecord): Promise<void> {
  await putNew(consentTicket.toItem(record));
}

/** Deletes the ticket and returns it: of two concurrent takers, only one gets it. */
export async function takeConsentTicket(ticketHash: string): Promise<ConsentTicketRecord | undefined> {
  const item = await takeOnce(consentTicket.key({ ticketHash }));
  return item ? consentTicket.fromItem(item) : undefined;
}
