import type { AuthOf, HttpFunctionName, RouteKeyOf } from '../routes.js';
import { JSON_CONTENT_TYPE } from './content-types.js';
import { cookiesOf } from './cookies.js';
import { formParameters } from './form-parameters.js';
import { oauthErrorResponse } from './oauth-error-response.js';
import { errorPage } from './oauth-error-page.js';
import { routedHandler } from './routed-handler.js';
import type { ApiResult } from './types.js';

/** What an OAuth route sees: no bearer token (the client or the admin authenticates in the flow). */
export interface OAuthRequest {
  routeKey: string;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  /** Query parameters of a GET, form parameters of a POST; each name at most once. */
  params: Record<string, string>;
  cookies: Record<string, string>;
  requestId: string;
  baseUrl: string;
}

export interface OAuthResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set-Cookie values. */
  cookies?: string[];
}

/** Pages answer errors with an HTML page; the token and revocation endpoints with RFC 6749 JSON. */
export interface OAuthRoute {
  responds: 'page' | 'json';
  handle(request: OAuthRequest): Promise<OAuthResult>;
}

/** The functions whose routes take no bearer token. */
export type OAuthFunction = { [F in HttpFunctionName]: AuthOf<F> extends 'none' ? F : never }[HttpFunctionName];

/**
 * The JSON stack's sibling for the OAuth endpoints: form bodies instead of JSON, HTML and
 * redirects as well as JSON, no bearer authentication; the same request log and error mapping.
 */
export function oauthHandler<F extends OAuthFunction>(fn: F, routes: Record<RouteKeyOf<F>, OAuthRoute>) {
  return routedHandler(routes, {
    api: fn,
    errorResult: (error, route, requestId) => (route?.responds === 'page' ? toApiResult(errorPage(error, requestId)) : oauthErrorResponse(error)),
    handle: async ({ route, routeKey, headers, requestId, baseUrl }, event) => {
      const request: OAuthRequest = { routeKey, headers, params: formParameters(event, headers), cookies: cookiesOf(event), requestId, baseUrl };
      return toApiResult(await route.handle(request));
    },
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
  return {
    statusCode: result.status,
    headers: result.headers,
    ...(result.cookies?.length ? { cookies: result.cookies } : {}),
    ...(result.body ? { body: result.body } : {}),
  };
}
