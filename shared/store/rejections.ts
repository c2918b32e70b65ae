import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { db, tableName } from './client.js';
import { keys } from './keys.js';
import { TTL_ATTRIBUTE } from './table-definition.js';

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

export async function putRejection(record: RejectionRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.rejection(record.tenantId, record.at, randomUUID()),
        type: 'Rejection',
        ...record,
        [TTL_ATTRIBUTE]: Math.floor(Date.parse(record.at) / 1000) + REJECTION_RETENTION_DAYS * 86_400,
      },
    }),
  );
}

/** The latest rejections first. */
export async function listRejections(tenantId: string, limit = 100): Promise<RejectionRecord[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.rejectionPartition(tenantId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map(({ tenantId: tenant, at, connectionId, userName, externalId, rule, detail }) => ({
    tenantId: String(tenant),
    at: String(at),
    connectionId: String(connectionId),
    ...(userName ? { userName: String(userName) } : {}),
    ...(externalId ? { externalId: String(externalId) } : {}),
    rule: String(rule),
    detail: String(detail),
  }));
}
