import { issueAdminToken, listAdminTokens, newAdminTokenInput, revokeAdminToken, rotateAdminToken, type IssuedAdminToken } from '../auth/admin-tokens.js';
import type { HttpRequest, HttpResult, RouteHandler } from '../http/types.js';
import { idOf, noContent, ok, tenantOf } from './request.js';
import { validateInput } from './validate-input.js';

/** `{"days": N}` or no body at all (the default lifetime). */
const lifetimeOf = (request: HttpRequest): number | undefined => validateInput(newAdminTokenInput(), request.body === undefined ? {} : request.body).days;

/** A new token is in this answer only: never cached anywhere on the way. */
const issued = ({ token, summary }: IssuedAdminToken, extra: object = {}): HttpResult => ({
  status: 201,
  headers: { 'cache-control': 'no-store' },
  body: { token, ...summary, ...extra },
});

/** The company's admin tokens, as the admin API lists, issues, rotates and revokes them. */
export const adminTokensApi = {
  list: async (request) => ok({ adminTokens: await listAdminTokens(tenantOf(request)) }),
  issue: async (request) => issued(await issueAdminToken(tenantOf(request), lifetimeOf(request))),
  rotate: async (request) => {
    const days = lifetimeOf(request);
    const rotated = await rotateAdminToken(tenantOf(request), idOf(request), days);
    return issued(rotated, { replaces: rotated.replaced.id });
  },
  revoke: async (request) => {
    await revokeAdminToken(tenantOf(request), idOf(request));
    return noContent();
  },
} satisfies Record<string, RouteHandler>;
