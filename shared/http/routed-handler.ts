import middy from '@middy/core';
import { notFound, type RosterError } from '../errors.js';
import { errorHandler, requestLog } from './middleware.js';
import { baseUrlOf, lowerCaseHeaders, requestIdOf, type RosterContext } from './request-context.js';
import type { ApiEvent, ApiResult } from './types.js';

/** What every HTTP function knows of a request before its own parsing: the matched route and the request's identity. */
export interface RoutedRequest<Route> {
  route: Route;
  routeKey: string;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  requestId: string;
  /** Base URL of this API (scheme + host + stage). */
  baseUrl: string;
}

export interface RoutedHandlerOptions<Route> {
  /** The `api` of the request log line. */
  api: string;
  /** Answers a request; errors it throws go to `errorResult`. */
  handle(request: RoutedRequest<Route>, event: ApiEvent, context: RosterContext): Promise<ApiResult>;
  /** The error response; `route` is undefined when no route matched. */
  errorResult(error: RosterError, route: Route | undefined, requestId: string): ApiResult;
}

/**
 * The middy stack every HTTP function shares: one log line per request, errors mapped to a
 * response by the last onError to run, the route looked up by API Gateway's route key.
 */
export function routedHandler<Key extends string, Route>(routes: Record<Key, Route>, options: RoutedHandlerOptions<Route>) {
  const routeFor = (routeKey: string): Route | undefined => (Object.hasOwn(routes, routeKey) ? routes[routeKey as Key] : undefined);
  return middy<ApiEvent, ApiResult, Error, RosterContext>()
    .use(requestLog(options.api))
    .use(errorHandler((error, request, requestId) => options.errorResult(error, routeFor(request.event.routeKey), requestId)))
    .handler(async (event, context) => {
      const route = routeFor(event.routeKey);
      if (!route) throw notFound(`No route for ${event.routeKey}.`);
      const headers = lowerCaseHeaders(event.headers);
      const request: RoutedRequest<Route> = {
        route,
        routeKey: event.routeKey,
        headers,
        requestId: requestIdOf(event, context),
        baseUrl: baseUrlOf(event, headers),
      };
      return options.handle(request, event, context);
    });
}
