import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { consentTicket, type ConsentTicketRecord } from './entities/consent-ticket.js';
import { isConditionFailure, putNew } from './writes.js';

export type { ConsentTicketRecord } from './entities/consent-ticket.js';

export async function putConsentTicket(record: ConsentTicketRecord): Promise<void> {
  await putNew(consentTicket.toItem(record));
}

/** Deletes the ticket and returns it: of two concurrent takers, only one gets it. */
export async function takeConsentTicket(ticketHash: string): Promise<ConsentTicketRecord | undefined> {
  try {
    const { Attributes } = await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: consentTicket.key({ ticketHash }),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes ? consentTicket.fromItem(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
