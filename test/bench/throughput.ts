import autocannon from 'autocannon';
import { sendRaw, type RecordedCommand } from './raw-commands.js';

export const CONNECTIONS = 10;

/** Requests per second through the HTTP stack with 10 connections (autocannon), cycling over `paths`. */
export async function httpThroughput(
  baseUrl: string,
  request: { method: string; paths: string[]; headers: Record<string, string>; body?: string },
  seconds: number,
): Promise<number> {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        setupRequest: (raw) => ({ ...raw, path: request.paths[next++ % request.paths.length] }),
      },
    ],
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`throughput run failed: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return result.requests.total / result.duration;
}

/** Requests per second of the raw DynamoDB commands with 10 concurrent workers, cycling over `commandSets`. */
export async function rawThroughput(commandSets: RecordedCommand[][], seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let completed = 0;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      await sendRaw(commandSets[next++ % commandSets.length]!);
      completed += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return completed / ((performance.now() - start) / 1000);
}
