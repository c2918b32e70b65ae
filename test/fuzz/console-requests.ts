import fc from 'fast-check';
import type { RouteDefinition } from '../../shared/routes.js';
import { hostileString } from './arbitraries/strings.js';
import { percentEncode, queryString, refusedContentType } from './arbitraries/transport.js';
import type { FuzzTenant } from './fixture.js';
import { routeKeyOf, type FuzzRequest } from './request.js';

const FORM = 'application/x-www-form-urlencoded';
const FIELDS = ['company', 'next', 'email', 'token', 'admin_token', 'csrf', 'cursor', 'updated', 'on', 'state', 'code', 'error'] as const;

/** Console parameters: the fixture's company or anything, hostile values, sometimes one repeated. */
function parameters(tenant: FuzzTenant): fc.Arbitrary<string> {
  const value = fc.oneof({ arbitrary: hostileString, weight: 3 }, { arbitrary: fc.constantFrom(tenant.tenantId, '/console/team', '//evil.example', 'true', tenant.adminToken), weight: 2 });
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 5 }), fc.option(fc.constantFrom(...FIELDS), { nil: undefined, freq: 5 }))
    .map(([values, repeated]) => {
      const entries: Array<[string, string | undefined]> = Object.entries(values);
      if (repeated) entries.push([repeated, 'again']);
      return queryString(entries).slice(1);
    });
}

/**
 * A request to a console page, signed out: GETs with odd queries, POSTs with and without an Origin,
 * CSRF token and form content type. Every one must answer a page or a redirect, never a 5xx.
 */
export function consoleRequest(route: RouteDefinition, tenant: FuzzTenant): fc.Arbitrary<FuzzRequest> {
  const path = route.path.replace('{id}', 'someone');
  const base = { routeKey: routeKeyOf(route), api: 'console' as const, target: 'playground' as const, method: route.method };
  if (route.method === 'GET') {
    return parameters(tenant).map((query) => ({ ...base, path: `${path}${query && percentEncode(query).length < 8_000 ? `?${query}` : ''}`, headers: {} }));
  }
  return fc
    .record({
      body: fc.oneof({ arbitrary: parameters(tenant), weight: 6 }, { arbitrary: hostileString, weight: 1 }),
      contentType: fc.oneof({ arbitrary: fc.constant(FORM), weight: 6 }, { arbitrary: refusedContentType, weight: 1 }),
      origin: fc.option(fc.constantFrom('http://127.0.0.1', 'https://evil.example', 'null'), { nil: undefined }),
    })
    .map(({ body, contentType, origin }) => ({
      ...base,
      path,
      headers: { 'content-type': contentType, ...(origin ? { origin } : {}) },
      body,
    }));
}
