import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FlakyMode = 'down' | 'refuse' | 'healthy';

/**
 * A stand-in for SES in front of the real SES emulator: while `down` it answers 503 (a transient
 * SES failure), while `refuse` 400 MessageRejected (a permanent one), and when `healthy` it passes
 * every request to the emulator. It counts the requests it was sent.
 */
export async function startFlakySes(emulatorUrl: string, mode: FlakyMode = 'down') {
  let current = mode;
  let failuresLeft = Number.POSITIVE_INFINITY;
  const state = { requests: 0 };
  const server: Server = createServer(async (request, response) => {
    state.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const failing = current !== 'healthy' && failuresLeft > 0;
    if (failing) {
      failuresLeft -= 1;
      const [status, type, code] = current === 'refuse' ? [400, 'Sender', 'MessageRejected'] : [503, 'Receiver', 'ServiceUnavailable'];
      response.writeHead(status, { 'content-type': 'text/xml' });
      response.end(
        `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${type}</Type><Code>${code}</Code><Message>test: ${code}</Message></Error><RequestId>test</RequestId></ErrorResponse>`,
      );
      return;
    }
    const forwarded = await fetch(`${emulatorUrl}${request.url ?? '/'}`, {
      method: request.method,
      headers: {
        'content-type': request.headers['content-type'] ?? 'application/x-www-form-urlencoded',
        authorization: request.headers.authorization ?? '',
      },
      body: Buffer.concat(chunks),
    });
    response.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'text/xml' });
    response.end(await forwarded.text());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    /** Fails the next `count` requests the current way, then behaves as healthy. */
    failNext(count: number, how: Exclude<FlakyMode, 'healthy'> = 'down') {
      current = how;
      failuresLeft = count;
    },
    set(next: FlakyMode) {
      current = next;
      failuresLeft = Number.POSITIVE_INFINITY;
    },
    resetCount() {
      state.requests = 0;
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
