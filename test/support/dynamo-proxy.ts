import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { freePort } from './free-port.js';

/**
 * What the proxy does with one DynamoDB request: pass it on, drop the connection before
 * DynamoDB sees it, let DynamoDB execute it and drop the connection before the answer
 * (the write happened; the client cannot know), or answer as DynamoDB does when it throttles.
 */
export type ProxyAction = 'forward' | 'drop' | 'dropAnswer' | 'throttle';

/** DynamoDB's answer to a throttled request (HTTP 400, the error's type in `__type`). */
const THROTTLED_BODY = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' });

/**
 * A tiny HTTP proxy in front of DynamoDB (Local) that can cut requests by operation
 * (X-Amz-Target), the way a network failure or a crashed endpoint would, or throttle them.
 */
export async function startDynamoProxy(upstream: string) {
  let decide: (operation: string) => ProxyAction = () => 'forward';
  const seen: string[] = [];
  const traceHeaders: Array<string | undefined> = [];
  const sockets = new Set<Socket>();
  let target = new URL(upstream);

  const handle = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const operation = String(incoming.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
    seen.push(operation);
    traceHeaders.push(incoming.headers['x-amzn-trace-id'] as string | undefined);
    const action = decide(operation);
    if (action === 'drop') return void incoming.socket.destroy();
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      if (action === 'throttle') {
        outgoing.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        return void outgoing.end(THROTTLED_BODY);
      }
      const forwarded = request(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            if (action === 'dropAnswer') return void incoming.socket.destroy();
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            outgoing.end(Buffer.concat(body));
          });
        },
      );
      forwarded.on('error', () => incoming.socket.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', () => done()));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Operations seen so far (GetItem, Query, TransactWriteItems, …). */
    seen,
    /** The X-Ray trace header of each request seen, in the same order. */
    traceHeaders,
    /** From now on, each request gets the action `rule` picks for its operation. */
    rule(rule: (operation: string) => ProxyAction) {
      decide = rule;
    },
    /** Sends what it forwards to another endpoint from now on (a restarted DynamoDB Local). */
    retarget(next: string) {
      target = new URL(next);
    },
    /** Drops every open connection (keep-alive sockets included), as a restart of the endpoint would. */
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    stop: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
