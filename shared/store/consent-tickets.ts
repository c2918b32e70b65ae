import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { isConditionFailure, recordOf } from './item.js';
import { connectionKeys } from './keys.js';
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
export async function takeConsentTicket(ticketHash: string): Promise<ConsentTicketRecord | undefined> {
  try {
    const { Attributes } = await db().send(
      new DeleteCommand({
        TableName: tableName(),
        Key: connectionKeys.consentTicket(ticketHash),
        ConditionExpression: 'attribute_exists(pk)',
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes ? recordOf<ConsentTicketRecord>(Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}
