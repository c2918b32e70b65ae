import type { Server } from 'node:http';
import { startHttpAdapter } from '../../infra/local/http-adapter.js';
import { freePort } from './free-port.js';

/** The local HTTP adapter in this test process, so DynamoDB requests made by handlers can be counted. */
export async function startTestApi(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server: Server = await startHttpAdapter({ port });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
