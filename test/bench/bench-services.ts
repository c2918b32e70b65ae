import '../../infra/local/quiet-sdk-warning.js';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/ensure-table.js';
import { startSesEmulator } from '../../infra/local/ses-emulator.js';
import { freePort } from '../support/free-port.js';

const TABLE = 'roster-bench';

export interface BenchServices {
  sesUrl: string;
  stop(): Promise<void>;
}

/**
 * The benchmark's own in-memory DynamoDB Local (with the table the stack defines) and SES emulator,
 * on free ports, and the environment shared/config.ts reads — set here, before any handler is
 * imported: warm caches as deployed (the token is resolved once), no logs.
 */
export async function startBenchServices(): Promise<BenchServices> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  try {
    await ensureTable(dynamo.endpoint, TABLE);
    const ses = await startSesEmulator({ port: await freePort() });
    Object.assign(process.env, {
      TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.url,
      AWS_REGION: 'us-east-1',
      LOG_LEVEL: 'silent',
      TOKEN_CACHE_SECONDS: '300',
    });
    return { sesUrl: ses.url, stop: () => ses.stop().finally(() => dynamo.stop()) };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
