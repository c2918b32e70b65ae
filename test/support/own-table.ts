import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { ensureTable } from '../../infra/local/ensure-table.js';
import { resetConfigForTests } from '../../shared/config.js';
import { resetDocumentClientForTests } from '../../shared/store/client.js';

/**
 * A table of this test file's own in the run's DynamoDB Local, for a file that seeds a big company:
 * in the shared table, every later file's whole-table test scans (snapshots, consistency checks)
 * would read its hundred thousand items. Call before anything is written; `drop` in afterAll.
 */
export async function useOwnTable(): Promise<{ drop: () => Promise<void> }> {
  const endpoint = process.env.DYNAMODB_ENDPOINT!;
  const tableName = `roster-test-own-${randomBytes(4).toString('hex')}`;
  await ensureTable(endpoint, tableName);
  process.env.TABLE_NAME = tableName;
  resetConfigForTests();
  resetDocumentClientForTests();
  return {
    drop: async () => {
      const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      try {
        await client.send(new DeleteTableCommand({ TableName: tableName }));
      } finally {
        client.destroy();
      }
    },
  };
}
