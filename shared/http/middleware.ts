import type middy from '@middy/core';
import { beginInvocationLog, describeError, endInvocationLog, log } from '../log.js';
import { emitMetric, statusClass } from '../metrics.js';
import { RosterError } from '../errors.js';
import { requestIdOf, type RosterContext } from './request-context.js';
import { toRosterError } from './to-roster-error.js';
import type { ApiEvent, ApiResult } from './types.js';

type Middleware = middy.MiddlewareObj<ApiEvent, ApiResult, Error, RosterContext>;
type Request = middy.Request<ApiEvent, ApiResult, Error, RosterContext>;

/** Turns any error into the API's error response; unknown failures are logged (the line carries the request id). */
export function errorHandler(format: (error: RosterError, request: Request, requestId: string) => ApiResult): Middleware {
  return {
    onError: async (request) => {
      const { error, unexpected } = toRosterError(request.error);
      const requestId = requestIdOf(request.event, request.context);
      if (unexpected) log('error', 'request failed', describeError(request.error));
      request.response = format(error, request, requestId);
    },
  };
}

/**
 * The request's log context and its one structured log line: every line written while the request
 * runs carries API Gateway's request id (and the tenant once authenticated, see logCaller); the
 * request's own line adds route, status and latency; never tokens, emails or names. Registered
 * first, so its before runs first and its after/onError last: the context is reset once the
 * request's line is written.
 */
export function requestLog(api: string): Middleware {
  const write = (request: Request) => {
    const roster = request.context.roster;
    emitMetric('Requests', 1, { Route: request.event.routeKey, StatusClass: statusClass(request.response?.statusCode) });
    log('info', 'request', {
      api,
      route: request.event.routeKey,
      status: request.response?.statusCode,
      latencyMs: roster ? Date.now() - roster.startedAt : undefined,
      ...(request.error instanceof RosterError ? { scimType: request.error.scimType } : {}),
    });
    endInvocationLog();
  };
  return {
    before: async (request) => {
      request.context.roster = { startedAt: Date.now() };
      beginInvocationLog(request.context, { requestId: requestIdOf(request.event, request.context) });
    },
    after: async (request) => write(request),
    // Registered before the error handler, so this onError runs after it and sees its response.
    onError: async (request) => write(request),
  };
}
