import { defineEntity } from '../entity.js';

/** A person the identity provider pushed who was not imported, and why (for the company admin). */
export interface RejectionRecord {
  tenantId: string;
  at: string;
  connectionId: string;
  userName?: string;
  externalId?: string;
  rule: string;
  detail: string;
}

/** Rejections are kept 90 days (DynamoDB TTL), long enough for an admin to act on them. */
export const REJECTION_RETENTION_DAYS = 90;

/** Sorted by time (`unique` tells apart rejections of the same instant), newest read first. */
export const rejection = defineEntity<RejectionRecord>()({
  type: 'Rejection',
  key: { pk: 'T#{tenantId}#REJECT', sk: '{at}#{unique}' },
  attributes: {
    tenantId: 'string',
    at: 'string',
    connectionId: 'string',
    userName: 'string',
    externalId: 'string',
    rule: 'string',
    detail: 'string',
  },
  expiresAt: (record) => Math.floor(Date.parse(record.at) / 1000) + REJECTION_RETENTION_DAYS * 86_400,
});
