import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Principal } from '../auth/principal.js';

export type ApiKind = 'scim' | 'admin';

/** What a route handler sees: a parsed request with its caller already authenticated. */
export interface HttpRequest {
  routeKey: string;
  method: string;
  path: string;
  pathParameters: Record<string, string>;
  query: Record<string, string | undefined>;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: unknown;
  principal: Principal;
  requestId: string;
  /** Base URL of this API (scheme + host + stage), for meta.location. */
  baseUrl: string;
}

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: HttpRequest) => Promise<HttpResult>;
export type ApiEvent = APIGatewayProxyEventV2;
export type ApiResult = APIGatewayProxyStructuredResultV2;
