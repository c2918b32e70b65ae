import middy from '@middy/core';
import { notFound } from '../errors.js';
import { JSON_CONTENT_TYPE } from './content-types.js';
import { formParameters } from './form-parameters.js';
import { errorHandler, requestLog } from './middleware.js';
import { oauthErrorResponse } from './oauth-error-response.js';
import { errorPage } from './oauth-pages.js';
import { baseUrlOf, lowerCaseHeaders, requestIdOf, type RosterContext } from './request-context.js';
import type { ApiEvent, ApiResult } from './types.js';

/** What an OAuth route sees: no bearer token (the client or the admin authenticates in the flow). */
export interface OAuthRequest {
  routeKey: string;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** Query parameters of a GET, form parameters of a POST; each name at most once. */
  params: Record<string, string>;
  requestId: string;
  baseUrl: string;
}

export interface OAuthResult {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Pages answer errors with an HTML page; the token and revocation endpoints with RFC 6749 JSON. */
export interface OAuthRoute {
  responds: 'page' | 'json';
  handle(request: OAuthRequest): Promise<OAuthResult>;
}

/**
 * The http stack's sibling for the OAuth endpoints: form bodies instead of JSON, HTML and
 * redirects as well as JSON, no bearer authentication; the same request log and error mapping.
 */
export function oauthHandler(routes: Record<string, OAuthRoute>) {
  return middy<ApiEvent, ApiResult, Error, RosterContext>()
    .use(requestLog('oauth'))
    .use(
      errorHandler((error, request, requestId) =>
        routes[request.event.routeKey]?.responds === 'page' ? toApiResult(errorPage(error, requestId)) : oauthErrorResponse(error),
      ),
    )
    .handler(async (event, context) => {
      const route = routes[event.routeKey];
      if (!route) throw notFound(`No route for ${event.routeKey}.`);
      const headers = lowerCaseHeaders(event.headers);
      const request: OAuthRequest = {
        routeKey: event.routeKey,
        headers,
        params: formParameters(event, headers),
        requestId: requestIdOf(event, context),
        baseUrl: baseUrlOf(event, headers),
      };
      return toApiResult(await route.handle(request));
    });
}

/** A JSON answer of the token endpoints: never cached (RFC 6749 §5.1). */
export function jsonResult(status: number, body: unknown): OAuthResult {
  return {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'cache-control': 'no-store', pragma: 'no-cache' },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

function toApiResult(result: OAuthResult): ApiResult {
  return { statusCode: result.status, headers: result.headers, ...(result.body ? { body: result.body } : {}) };
}
