import fc from 'fast-check';
import type { RouteDefinition } from '../../shared/routes.js';
import { authorizeParameters, clientAuthorization, revokeParameters, tokenParameters } from './arbitraries/oauth.js';
import { hostileString } from './arbitraries/strings.js';
import { INVALID_UTF8_ESCAPES, percentEncode, queryString, refusedContentType } from './arbitraries/transport.js';
import type { FuzzTenant } from './fixture.js';
import { routeKeyOf, type FuzzRequest } from './request.js';

type Params = Record<string, string | undefined>;
const FORM = 'application/x-www-form-urlencoded';

/** A form body or query: the parameters, sometimes one repeated, sometimes raw bytes that are not UTF-8. */
function encoded(params: fc.Arbitrary<Params>): fc.Arbitrary<string> {
  return fc
    .tuple(params, fc.option(fc.constantFrom('state', 'client_id', 'code', 'token'), { nil: undefined, freq: 4 }), fc.option(fc.constantFrom(...INVALID_UTF8_ESCAPES), { nil: undefined, freq: 4 }))
    .map(([values, repeated, raw]) => {
      const entries: Array<[string, string | { raw: string } | undefined]> = Object.entries(values);
      if (repeated) entries.push([repeated, 'again']);
      if (raw) entries.push(['state', { raw }]);
      return queryString(entries).slice(1);
    });
}

/** Parameters of the route: the authorization pages, the token endpoint or revocation. */
function parametersOf(route: RouteDefinition, tenant: FuzzTenant): fc.Arbitrary<Params> {
  if (route.path.endsWith('/authorize')) return authorizeParameters(tenant.adminToken, tenant.spareConnectionIds);
  return route.path.endsWith('/token') ? tokenParameters : revokeParameters;
}

/**
 * A request to an OAuth endpoint. The admin token offered on the sign-in form is the playground's:
 * a consent ticket may be issued for it, never for the snapshot company.
 */
export function oauthRequest(route: RouteDefinition, tenant: FuzzTenant): fc.Arbitrary<FuzzRequest> {
  const base = { routeKey: routeKeyOf(route), api: 'oauth' as const, target: 'playground' as const, method: route.method };
  const text = fc.oneof({ arbitrary: encoded(parametersOf(route, tenant)), weight: 12 }, { arbitrary: hostileString, weight: 1 }, { arbitrary: fc.integer({ min: 16_000, max: 17_000 }).map((length) => `state=${'s'.repeat(length)}`), weight: 1 });
  if (route.method === 'GET') return text.map((query) => ({ ...base, path: `${route.path}${query && percentEncode(query).length < 8_000 ? `?${query}` : ''}`, headers: {} }));
  return fc
    .record({
      body: text,
      contentType: fc.oneof({ arbitrary: fc.constantFrom(FORM, `${FORM}; charset=UTF-8`), weight: 8 }, { arbitrary: fc.constant('application/json'), weight: 1 }, { arbitrary: refusedContentType, weight: 1 }),
      authorization: route.path.endsWith('/authorize') ? fc.constant(undefined) : clientAuthorization,
    })
    .map(({ body, contentType, authorization }) => ({
      ...base,
      path: route.path,
      headers: { 'content-type': contentType, ...(authorization === undefined ? {} : { authorization }) },
      body,
    }));
}
