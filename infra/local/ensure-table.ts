import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  DynamoDBClient,
  type GlobalSecondaryIndexDescription,
} from '@aws-sdk/client-dynamodb';
import { TABLE_KEY, TTL_ATTRIBUTE, indexList, type IndexDefinition } from '../../shared/store/table.js';

/**
 * Creates the table in the DynamoDB Local at `endpoint`, or brings an existing one up to date, from
 * the same definition the CDK stack uses: keys, GSIs (projection ALL), stream NEW_AND_OLD_IMAGES, TTL.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<{ streamArn: string }> {
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    return await createOrUpdate(client, tableName);
  } finally {
    client.destroy();
  }
}

async function createOrUpdate(client: DynamoDBClient, tableName: string): Promise<{ streamArn: string }> {
  const existing = await describe(client, tableName);
  if (!existing) {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeNames().map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: TABLE_KEY.partition, KeyType: 'HASH' },
          { AttributeName: TABLE_KEY.sort, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexList.map(gsi),
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
  } else {
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index: GlobalSecondaryIndexDescription) => index.IndexName));
    for (const index of indexList.filter((candidate) => !present.has(candidate.name))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: attributeNames().map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
          GlobalSecondaryIndexUpdates: [{ Create: gsi(index) }],
        }),
      );
    }
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
  const table = await describe(client, tableName);
  if (!table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream.`);
  return { streamArn: table.LatestStreamArn };
}

function attributeNames(): string[] {
  return [TABLE_KEY.partition, TABLE_KEY.sort, ...indexList.flatMap((index) => [index.partition, index.sort])];
}

function gsi(index: IndexDefinition) {
  return {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partition, KeyType: 'HASH' as const },
      { AttributeName: index.sort, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: index.projection ?? ('ALL' as const) },
  };
}

async function describe(client: DynamoDBClient, tableName: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}
