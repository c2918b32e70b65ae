import type { HttpMethod, RouteDefinition } from '../../shared/routes.js';
import type { WireBody } from './bodies.js';

export type FuzzApi = 'scim' | 'admin' | 'oauth' | 'console';

/**
 * Why a request aimed at the snapshot company cannot succeed: the one part of it that is
 * certainly wrong (the rest of it is as hostile as any other request).
 */
export type Poison =
  | 'auth'
  | 'contentType'
  | 'malformed'
  | 'oversize'
  | 'notAnObject'
  | 'invalidAttribute'
  | 'unknownId'
  | 'staleVersion';

/** One generated request, as it goes on the wire. */
export interface FuzzRequest {
  routeKey: string;
  api: FuzzApi;
  target: 'snapshot' | 'playground';
  method: HttpMethod;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: WireBody;
  poison?: Poison;
}

export interface FuzzResponse {
  status: number;
  headers: Headers;
  text: string;
}

export const routeKeyOf = (route: RouteDefinition) => `${route.method} ${route.path}`;
export const apiOf = (route: RouteDefinition): FuzzApi => (route.auth === 'none' ? 'oauth' : route.auth === 'session' ? 'console' : route.auth);

/** Sends it; a network failure (the server dropped the connection) is reported as status 0. */
export async function send(baseUrl: string, request: FuzzRequest): Promise<FuzzResponse> {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      ...(request.body === undefined ? {} : { body: typeof request.body === 'string' ? request.body : new Blob([new Uint8Array(request.body)]) }),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    return { status: 0, headers: new Headers(), text: String((error as Error).cause ?? error) };
  }
}

/** A short description for a report: enough to replay it by hand. */
export function describeRequest(request: FuzzRequest, limit = 400): string {
  const clip = (text: string) => (text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text);
  const body =
    request.body === undefined ? '' : typeof request.body === 'string' ? ` body=${clip(JSON.stringify(request.body))}` : ` body=bytes[${Buffer.from(request.body).toString('hex').slice(0, limit)}]`;
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${name === 'authorization' ? clip(value.replace(/roster_(\w+?)_[\w-]+/g, 'roster_$1_…')) : clip(value)}`)
    .join('; ');
  return `${request.method} ${clip(request.path)} [${request.target}${request.poison ? `, poison ${request.poison}` : ''}] {${headers}}${body}`;
}
