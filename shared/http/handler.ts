import { authenticate } from '../auth/authenticate.js';
import type { AuthOf, HttpFunctionName, RouteKeyOf } from '../routes.js';
import { SCIM_CONTENT_TYPE, JSON_CONTENT_TYPE } from './content-types.js';
import { errorResponse } from './error-response.js';
import { parseBody } from './parse-body.js';
import { pathParametersOf } from './path-parameters.js';
import { logCaller } from './request-context.js';
import { routedHandler } from './routed-handler.js';
import type { ApiKind, ApiResult, HttpRequest, HttpResult, RouteHandler } from './types.js';

/** The functions whose callers present a bearer token and exchange JSON: the SCIM and admin APIs. */
export type JsonApiFunction = { [F in HttpFunctionName]: AuthOf<F> extends ApiKind ? F : never }[HttpFunctionName];

/**
 * The middy stack of every JSON API function: authenticate → parse → dispatch to the route's
 * handler → shape the response; errors become SCIM Error JSON (or admin JSON). The handler map
 * must name exactly the function's routes of the route table, and `api` their kind of
 * authentication, or it does not compile (checked by type, so that the route table itself is not
 * in every function's bundle).
 */
export function httpHandler<F extends JsonApiFunction>(_fn: F, api: AuthOf<F> & ApiKind, handlers: Record<RouteKeyOf<F>, RouteHandler>) {
  return routedHandler(handlers, {
    api,
    errorResult: (error, _route, requestId) => errorResponse(api, error, requestId),
    handle: async ({ route: handler, routeKey, headers, requestId, baseUrl }, event) => {
      const principal = await authenticate(headers.authorization, api);
      logCaller(principal);
      const request: HttpRequest = {
        routeKey,
        method: event.requestContext.http.method.toUpperCase(),
        path: event.rawPath,
        pathParameters: pathParametersOf(event),
        query: event.queryStringParameters ?? {},
        headers,
        body: parseBody(event, headers),
        principal,
        requestId,
        baseUrl,
      };
      return toApiResult(api, await handler(request));
    },
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
