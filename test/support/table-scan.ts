import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../../shared/config.js';

export type StoredItem = Record<string, unknown> & { pk: string; sk: string };

/**
 * Every item of one company, read with a Scan (tests only: Roster itself never scans): the items
 * under its `T#<tenant>` partitions and the ones keyed otherwise that name it (tokens, OAuth
 * records). Uses a client of its own, so faults injected into Roster's client do not reach it.
 */
export async function tenantItems(tenantId: string): Promise<StoredItem[]> {
  const { DYNAMODB_ENDPOINT, AWS_REGION, TABLE_NAME } = config();
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT ? { endpoint: DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
    }),
  );
  try {
    const items: StoredItem[] = [];
    let from: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: TABLE_NAME,
          FilterExpression: 'begins_with(pk, :prefix) OR tenantId = :tenant',
          ExpressionAttributeValues: { ':prefix': `T#${tenantId}#`, ':tenant': tenantId },
          ...(from ? { ExclusiveStartKey: from } : {}),
        }),
      );
      items.push(...((page.Items ?? []) as StoredItem[]));
      from = page.LastEvaluatedKey;
    } while (from);
    return items.sort((a, b) => (a.pk === b.pk ? a.sk.localeCompare(b.sk) : a.pk.localeCompare(b.pk)));
  } finally {
    client.destroy();
  }
}
