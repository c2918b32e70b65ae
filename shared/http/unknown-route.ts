import middy from '@middy/core';
import { notFound } from '../errors.js';
import { ADMIN_PREFIX, SCIM_PREFIX } from '../api-prefixes.js';
import { errorResponse } from './error-response.js';
import { errorHandler, requestLog } from './middleware.js';
import type { RosterContext } from './request-context.js';
import type { ApiEvent, ApiKind, ApiResult } from './types.js';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * API Gateway's `$default` route (and the local adapter's fallback): a request no route matches is
 * answered in the error shape of the API its path belongs to — SCIM Error JSON under /scim/v2, so
 * a SCIM client reads it like any other 404 — and Roster's JSON error everywhere else.
 */
export function unknownRouteHandler() {
  return middy<ApiEvent, ApiResult, Error, RosterContext>()
    .use(requestLog('unknown-route'))
    .use(errorHandler((error, request, requestId) => errorResponse(apiOf(request.event.rawPath), error, requestId)))
    .handler(async (event) => {
      const method = event.requestContext.http.method.toUpperCase();
      const api = under(event.rawPath, SCIM_PREFIX) ? 'SCIM' : under(event.rawPath, ADMIN_PREFIX) ? 'admin API' : 'API';
      // The path is not echoed: whatever a client put in it stays out of the answer.
      throw notFound(`The ${api} has no ${method} route at this path.`);
    });
}

const apiOf = (path: string): ApiKind => (under(path, SCIM_PREFIX) ? 'scim' : 'admin');
