import { inject } from 'vitest';

export interface WorkerDatabase {
  endpoint: string;
  tableName: string;
  streamArn: string;
}

/**
 * The DynamoDB Local of the worker running this test file (test/support/global-setup.ts starts one
 * per worker). Vitest numbers the workers running at the same time 1…maxWorkers (VITEST_POOL_ID).
 */
export function workerDatabase(): WorkerDatabase {
  const databases = inject('workerDatabases');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const database = databases[worker - 1];
  if (!database) throw new Error(`No DynamoDB Local for test worker ${worker} (${databases.length} started)`);
  return database;
}
