import { createServer, type Server } from 'node:http';
import { freePort } from './free-port.js';

/**
 * Stands in for Okta's OAuth callback (https://system-admin.okta.com/admin/app/cpc/<app>/oauth/callback)
 * on a loopback port, which the local stack allows: records the query of every callback.
 */
export async function startOktaCallback(appName = 'roster_e2e') {
  const port = await freePort();
  const received: URLSearchParams[] = [];
  const path = `/admin/app/cpc/${appName}/oauth/callback`;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    // Browsers also ask for /favicon.ico; only the callback path counts.
    if (url.pathname === path) received.push(url.searchParams);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Okta</title><h1>Okta received the answer</h1>');
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()));
  return {
    redirectUri: `http://127.0.0.1:${port}${path}`,
    received,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
