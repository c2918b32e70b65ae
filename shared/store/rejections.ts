import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { db, tableName } from './client.js';
import { rejection, type RejectionRecord } from './entities/rejection.js';

export { REJECTION_RETENTION_DAYS, type RejectionRecord } from './entities/rejection.js';

export async function putRejection(record: RejectionRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: rejection.toItem(record, { unique: randomUUID() }) }));
}

/** The latest rejections first. */
export async function listRejections(tenantId: string, limit = 100): Promise<RejectionRecord[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': rejection.partition({ tenantId }) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => rejection.fromItem(item));
}
