import { afterAll, beforeAll } from 'vitest';
import { workerDatabase } from './worker-database.js';
import { startStreamPoller, type StreamPoller } from '../../infra/local/stream-poller.js';
import { startTestApi } from './http-stack.js';
import { scimClient, type ScimClient } from './scim-client.js';
import { createTestTenant, type TestTenant } from './tenant.js';

/** The local stack's stream poller on this worker's table: real stream records into the deployed handler. */
export function startTestStreamPoller(): StreamPoller {
  const { endpoint, streamArn } = workerDatabase();
  return startStreamPoller({ endpoint, streamArn, functionName: 'team-member-changes' });
}

export interface ScimWithStream {
  api: Awaited<ReturnType<typeof startTestApi>>;
  poller: StreamPoller;
  tenant: TestTenant;
  scim: ScimClient;
}

/**
 * For a test file: the HTTP stack, the stream poller and a company with its SCIM client, started
 * before the file's tests and stopped after them (read the fields inside the tests).
 */
export function useScimWithStream(): ScimWithStream {
  const context = {} as ScimWithStream;
  beforeAll(async () => {
    context.api = await startTestApi();
    context.poller = startTestStreamPoller();
    context.tenant = await createTestTenant();
    context.scim = scimClient(`${context.api.baseUrl}/scim/v2`, context.tenant.scimToken);
  });
  afterAll(async () => {
    await context.poller?.stop();
    await context.api?.stop();
  });
  return context;
}
