import '../../infra/local/quiet-sdk-warning.js';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type RunningDynamoDb } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/ensure-table.js';
import { startSesEmulator } from '../../infra/local/ses-emulator.js';
import { freePort } from './free-port.js';
import type { WorkerDatabase } from './worker-database.js';

export const TEST_TABLE = 'roster-test';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One DynamoDB Local per test worker, by VITEST_POOL_ID − 1 (test/support/worker-database.ts). */
    workerDatabases: WorkerDatabase[];
    sesUrl: string;
  }
}

/**
 * One in-memory DynamoDB Local per test worker and one SES emulator for the whole integration run,
 * on ports the OS picks, stopped at the end. The files a worker runs one after another share its
 * DynamoDB Local (each file works in its own tenant); files running at the same time never share
 * one, so a file's stream poller sees only its own worker's records. The SES emulator is shared:
 * tests read only the mailboxes of their own randomly named people.
 */
export default async function setup(project: TestProject) {
  const workers = Math.max(1, project.globalConfig.maxWorkers);
  const running: RunningDynamoDb[] = [];
  const stopAll = () => Promise.allSettled(running.map((dynamo) => dynamo.stop()));
  try {
    const started = await Promise.allSettled(Array.from({ length: workers }, async () => startDynamoDbLocal({ port: await freePort() })));
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const databases = await Promise.all(running.map(async (dynamo) => ({ endpoint: dynamo.endpoint, tableName: TEST_TABLE, streamArn: (await ensureTable(dynamo.endpoint, TEST_TABLE)).streamArn })));
    const ses = await startSesEmulator({ port: await freePort() });
    project.provide('workerDatabases', databases);
    project.provide('sesUrl', ses.url);
    return async () => {
      await ses.stop();
      await stopAll();
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
