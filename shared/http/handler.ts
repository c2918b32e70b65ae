import middy from '@middy/core';
import { authenticate } from '../auth/authenticate.js';
import { notFound } from '../errors.js';
import { SCIM_CONTENT_TYPE, JSON_CONTENT_TYPE } from './content-types.js';
import { errorResponse } from './error-response.js';
import { errorHandler, requestLog } from './middleware.js';
import { parseBody } from './parse-body.js';
import { pathParametersOf } from './path-parameters.js';
import { baseUrlOf, lowerCaseHeaders, requestIdOf, type RosterContext } from './request-context.js';
import type { ApiEvent, ApiKind, ApiResult, HttpRequest, HttpResult, RouteHandler } from './types.js';

/**
 * The middy stack of every HTTP function: authenticate → parse → dispatch to the route's handler →
 * shape the response; errors become SCIM Error JSON (or admin JSON) in the error handler, which is
 * the last onError to run. One structured log line per request.
 */
export function httpHandler(api: ApiKind, handlers: Record<string, RouteHandler>) {
  return middy<ApiEvent, ApiResult, Error, RosterContext>()
    .use(requestLog(api))
    .use(errorHandler((error, _request, requestId) => errorResponse(api, error, requestId)))
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
        pathParameters: pathParametersOf(event),
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
