import { Agent, request } from 'node:http';

/**
 * The benchmark's SCIM client: node:http with keep-alive, each request written in one piece, the
 * body parsed only when asked for. It stays out of the measurement as far as a client can (the
 * tests' fetch-based client adds most of a millisecond per request here).
 */
export interface BenchResponse {
  status: number;
  text: string;
  json<T = any>(): T;
}
export type BenchClient = (method: string, path: string, body?: unknown) => Promise<BenchResponse>;

export function benchClient(scimBaseUrl: string, token: string): BenchClient {
  const base = new URL(scimBaseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const outgoing = request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method,
          path: `${base.pathname}${path}`,
          headers: {
            accept: 'application/scim+json',
            authorization: `Bearer ${token}`,
            ...(payload === undefined ? {} : { 'content-type': 'application/scim+json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: incoming.statusCode ?? 0, text, json: () => JSON.parse(text) });
          });
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
}
