import '../../infra/local/quiet-sdk-warning.js';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local.js';
import { ensureTable } from '../../infra/local/ensure-table.js';
import { startSesEmulator } from '../../infra/local/ses-emulator.js';
import { freePort } from './free-port.js';

export const TEST_TABLE = 'roster-test';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    sesUrl: string;
    tableName: string;
    streamArn: string;
  }
}

/**
 * One in-memory DynamoDB Local and one SES emulator for the whole integration run, on ports the
 * OS picks, shared by every test file (each file works in its own tenant), stopped at the end.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const ses = await startSesEmulator({ port: await freePort() });
  const { streamArn } = await ensureTable(dynamo.endpoint, TEST_TABLE);
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  project.provide('sesUrl', ses.url);
  project.provide('tableName', TEST_TABLE);
  project.provide('streamArn', streamArn);
  return async () => {
    await ses.stop();
    await dynamo.stop();
  };
}
