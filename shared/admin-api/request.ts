import type { HttpRequest, HttpResult } from '../http/types.js';

export const tenantOf = (request: HttpRequest): string => request.principal.tenantId;
export const idOf = (request: HttpRequest): string => request.pathParameters.id!;
export const ok = (body: unknown, status = 200): HttpResult => ({ status, body });
export const noContent = (): HttpResult => ({ status: 204 });
