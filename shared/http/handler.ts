import middy from '@middy/core';
import type { Context as LambdaContext } from 'aws-lambda';
import { authenticate } from '../auth/authenticate.js';
import { describeError, log } from '../log.js';
import { RosterError, notFound } from '../errors.js';
import { SCIM_CONTENT_TYPE, JSON_CONTENT_TYPE } from './content-types.js';
import { errorResponse } from './error-response.js';
import { parseBody } from './parse-body.js';
import { toRosterError } from './to-roster-error.js';
import type { ApiEvent, ApiKind, ApiResult, HttpRequest, HttpResult, RouteHandler } from './types.js';

type Context = LambdaContext & { roster?: { startedAt: number; principal?: HttpRequest['principal'] } };
type Request = middy.Request<ApiEvent, ApiResult, Error, Context>;

/**
 * The middy stack of every HTTP function: authenticate → parse → dispatch to the route's handler →
 * shape the response; errors become SCIM Error JSON (or admin JSON) in the error handler, which is
 * the last onError to run. One structured log line per request.
 */
export function httpHandler(api: ApiKind, handlers: Record<string, RouteHandler>) {
  return middy<ApiEvent, ApiResult, Error, Context>()
    .use(requestLog(api))
    .use(errorHandler(api))
    .handler(async (event, context) => {
      const handler = handlers[event.routeKey];
      if (!handler) throw notFound(`No route for ${event.routeKey}.`);
      const headers = lowerCaseHeaders(event.headers);
      const principal = await authenticate(headers.authorization, api);
      if (context.roster) context.roster.principal = principal;
      const request: HttpRequest = {
        routeKey: event.routeKey,
        method: event.requestContext.http.method.toUpperCase(),
        path: event.rawPath,
        pathParameters: (event.pathParameters ?? {}) as Record<string, string>,
        query: event.queryStringParameters ?? {},
        headers,
        body: parseBody(event, headers),
        principal,
        requestId: requestIdOf(event, context),
        baseUrl: baseUrlOf(event, headers),
      };
      return toApiResult(api, await handler(request));
    });
}

function toApiResult(api: ApiKind, result: HttpResult): ApiResult {
  const contentType = api === 'scim' ? SCIM_CONTENT_TYPE : JSON_CONTENT_TYPE;
  return {
    statusCode: result.status,
    headers: { ...(result.body === undefined ? {} : { 'content-type': contentType }), ...result.headers },
    ...(result.body === undefined ? {} : { body: JSON.stringify(result.body) }),
  };
}

function errorHandler(api: ApiKind): middy.MiddlewareObj<ApiEvent, ApiResult, Error, Context> {
  return {
    onError: async (request) => {
      const { error, unexpected } = toRosterError(request.error);
      if (unexpected) {
        log('error', 'request failed', { requestId: requestIdOf(request.event, request.context), ...describeError(request.error) });
      }
      request.response = errorResponse(api, error, requestIdOf(request.event, request.context));
    },
  };
}

function requestLog(api: ApiKind): middy.MiddlewareObj<ApiEvent, ApiResult, Error, Context> {
  const write = (request: Request) => {
    const roster = request.context.roster;
    log('info', 'request', {
      api,
      route: request.event.routeKey,
      status: request.response?.statusCode,
      latencyMs: roster ? Date.now() - roster.startedAt : undefined,
      tenantId: roster?.principal?.tenantId,
      connectionId: roster?.principal?.connectionId,
      requestId: requestIdOf(request.event, request.context),
      ...(request.error instanceof RosterError ? { scimType: request.error.scimType } : {}),
    });
  };
  return {
    before: async (request) => {
      request.context.roster = { startedAt: Date.now() };
    },
    after: async (request) => write(request),
    // Registered before the error handler, so this onError runs after it and sees its response.
    onError: async (request) => write(request),
  };
}

function lowerCaseHeaders(headers: ApiEvent['headers']): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

function requestIdOf(event: ApiEvent, context: Context): string {
  return event.requestContext?.requestId ?? context.awsRequestId ?? 'unknown';
}

function baseUrlOf(event: ApiEvent, headers: Record<string, string | undefined>): string {
  const proto = headers['x-forwarded-proto'] ?? 'https';
  const host = headers.host ?? event.requestContext.domainName;
  const stage = event.requestContext.stage && event.requestContext.stage !== '$default' ? `/${event.requestContext.stage}` : '';
  return `${proto}://${host}${stage}`;
}
