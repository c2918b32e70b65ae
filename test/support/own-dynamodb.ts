import { ensureTable } from '../../infra/local/ensure-table.js';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { resetConfigForTests } from '../../shared/config.js';
import { resetDocumentClientForTests } from '../../shared/store/client.js';
import { freePort } from './free-port.js';

const TABLE = 'roster-test';

/**
 * A DynamoDB Local of this test file's own (in memory), for a file that seeds tens of thousands of
 * items: in the run's shared one, every later file's whole-table scans would read them, and a
 * DynamoDB Local that has taken a whole run's writes (and their stream records) seeds slowly.
 * Call first in beforeAll, before anything reads the configuration; `stop` in afterAll. Its table's
 * stream is `streamArn` (see stream-reader.ts).
 */
export async function useOwnDynamoDb(): Promise<{ endpoint: string; streamArn: string; stop: () => Promise<void> }> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  let streamArn: string;
  try {
    ({ streamArn } = await ensureTable(dynamo.endpoint, TABLE));
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.TABLE_NAME = TABLE;
  resetConfigForTests();
  resetDocumentClientForTests();
  return { endpoint: dynamo.endpoint, streamArn, stop: () => dynamo.stop() };
}
