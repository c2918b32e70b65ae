import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { UNKNOWN_ROUTE_FUNCTION, routeKeyOf, routes, type RouteDefinition } from '../../shared/routes.js';
import { loadHandler } from './function-modules.js';
import { lambdaContext } from './lambda-context.js';

/** API Gateway's own limit on a request payload; the handlers apply Roster's stricter 1 MB limit. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;
const GATEWAY_TIMEOUT_MS = 29_000;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  parameterNames: string[];
}

const compiled: CompiledRoute[] = routes.map((route) => {
  const parameterNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(parameter[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), parameterNames };
});

/**
 * Serves the route table over HTTP the way API Gateway's HTTP API does: each request becomes a
 * payload-2.0 event for the same handler module the stack deploys, and the handler's result is
 * written back as API Gateway would write it.
 */
export function startHttpAdapter(options: { port: number; host?: string }): Promise<Server> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`local adapter failure: ${(error as Error).stack}\n`);
      if (!response.headersSent) writeJson(response, 500, { message: 'Internal Server Error' });
      else response.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolveServer(server));
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const method = (request.method ?? 'GET').toUpperCase();
  // As API Gateway does, a request no route matches goes to the `$default` route's function.
  const match = findRoute(method, url.pathname) ?? { routeKey: '$default', functionName: UNKNOWN_ROUTE_FUNCTION, pathParameters: {} };

  const body = await readBody(request);
  if (body === undefined) return writeJson(response, 413, { message: 'Request Entity Too Large' });

  const event = toEvent(request, url, method, match, body);
  const handler = await loadHandler(match.functionName);
  const result = (await withTimeout(
    handler(event, lambdaContext(match.functionName, GATEWAY_TIMEOUT_MS)),
    GATEWAY_TIMEOUT_MS,
  )) as APIGatewayProxyStructuredResultV2 | undefined;
  if (!result) return writeJson(response, 503, { message: 'Service Unavailable' });
  writeResult(response, result);
}

function findRoute(method: string, path: string) {
  for (const candidate of compiled) {
    if (candidate.route.method !== method) continue;
    const found = candidate.pattern.exec(path);
    if (!found) continue;
    const pathParameters: Record<string, string> = {};
    candidate.parameterNames.forEach((name, index) => {
      pathParameters[name] = decodePathSegment(found[index + 1]!);
    });
    return { routeKey: routeKeyOf(candidate.route), functionName: candidate.route.function, pathParameters };
  }
  return undefined;
}

function toEvent(
  request: IncomingMessage,
  url: URL,
  method: string,
  match: { routeKey: string; pathParameters: Record<string, string> },
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  // Payload 2.0 moves cookies out of the headers into `cookies`, one entry per cookie.
  const cookies = headers.cookie ? headers.cookie.split(';').map((cookie) => cookie.trim()).filter(Boolean) : [];
  delete headers.cookie;
  // API Gateway tells the function how the client reached it.
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(request.socket.localPort ?? '');
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
  const { routeKey } = match;
  const now = new Date();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: body.toString('utf8') } : {}),
    isBase64Encoded: false,
  };
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GATEWAY_MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(tooLarge ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function writeResult(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode ?? 200, { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) });
  response.end(body);
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
}

/** A malformed percent-encoding is kept as written: the handler then answers 404, not a crash. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
