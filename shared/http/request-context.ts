import type { Context as LambdaContext } from 'aws-lambda';
import type { Principal } from '../auth/principal.js';
import { setLogKeys } from '../log.js';
import type { ApiEvent } from './types.js';

/** The Lambda context as the http stacks extend it: the request's timing. */
export type RosterContext = LambdaContext & { roster?: { startedAt: number } };

/** Once the caller is known, every later log line of the request (its own line too) names its tenant and connection. */
export function logCaller(principal: Principal): void {
  setLogKeys({ tenantId: principal.tenantId, connectionId: principal.connectionId });
}

export function lowerCaseHeaders(headers: ApiEvent['headers']): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

export function requestIdOf(event: ApiEvent, context: RosterContext): string {
  return event.requestContext?.requestId ?? context.awsRequestId ?? 'unknown';
}

export function baseUrlOf(event: ApiEvent, headers: Record<string, string | undefined>): string {
  const proto = headers['x-forwarded-proto'] ?? 'https';
  const host = headers.host ?? event.requestContext.domainName;
  const stage = event.requestContext.stage && event.requestContext.stage !== '$default' ? `/${event.requestContext.stage}` : '';
  return `${proto}://${host}${stage}`;
}

/** The request body as text (API Gateway base64-encodes bodies it does not consider text). */
export function bodyText(event: ApiEvent): string {
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}
