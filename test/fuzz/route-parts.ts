import fc from 'fast-check';
import type { RouteDefinition } from '../../shared/routes.js';
import { schemaResources } from '../../shared/scim/discovery.js';
import { SEARCH_REQUEST } from '../../shared/scim/schema/urns.js';
import { adminBodies, adminListParameters } from './arbitraries/admin.js';
import { hostileJson } from './arbitraries/json.js';
import { attributePath, extremeFilter, filterExpression, groupBody, hostileMode, invalidRequiredAttribute, patchBody, userBody, type BodyMode } from './arbitraries/scim.js';
import { hostileString } from './arbitraries/strings.js';
import { attributeListParameter, cursorParameter, INVALID_UTF8_ESCAPES, integerParameter, queryString } from './arbitraries/transport.js';
import type { FuzzTenant } from './fixture.js';
import { routeKeyOf } from './request.js';

/** What the generators need to know about a route of the SCIM or admin API. */
export const hasBody = (route: RouteDefinition) => route.method === 'POST' || route.method === 'PUT' || route.method === 'PATCH';
export const hasId = (route: RouteDefinition) => route.path.includes('{id}');
const readsNoBody = (route: RouteDefinition) => route.path.endsWith('/tokens') || route.path.endsWith('/erase');
/** Body routes that read an object (issuing a token or erasing a member reads no body at all). */
export const takesObject = (route: RouteDefinition) => hasBody(route) && !readsNoBody(route);
/** POST /.search, /Users/.search, /Groups/.search: a SearchRequest body instead of a resource. */
export const isSearch = (route: RouteDefinition) => route.auth === 'scim' && route.path.endsWith('/.search');
export const takesIfMatch = (route: RouteDefinition) => route.auth === 'scim' && hasId(route) && route.method !== 'GET';

const SCHEMA_IDS = schemaResources('http://localhost').map((schema) => String((schema as { id: string }).id));

/** The ids a route's `{id}` can name in this company. */
export function knownIds(route: RouteDefinition, tenant: FuzzTenant): string[] {
  const segment = route.path.split('/').at(-2) === '{id}' ? route.path.split('/').at(-3) : route.path.split('/').at(-2);
  switch (segment) {
    case 'Users':
    case 'team-members':
      return tenant.userIds;
    case 'Groups':
      return tenant.groupIds;
    case 'Schemas':
      return SCHEMA_IDS;
    case 'ResourceTypes':
      return ['User', 'Group'];
    case 'seats':
      return tenant.seatIds;
    case 'workspaces':
      return tenant.workspaceIds;
    case 'assignments':
      return [...tenant.assignmentIds, 'default'];
    case 'connections':
      return tenant.spareConnectionIds;
    case 'admin-tokens':
      return tenant.spareAdminTokenIds;
    default:
      return [];
  }
}

/** Well-formed bodies of a route, as hostile as `mode` makes them. */
export function structuredBody(route: RouteDefinition, tenant: FuzzTenant, mode: BodyMode = hostileMode): fc.Arbitrary<unknown> {
  const key = routeKeyOf(route);
  if (isSearch(route)) return searchBody(tenant, mode);
  if (route.auth === 'scim') {
    const users = route.path.includes('/Users');
    if (route.method === 'PATCH') return patchBody(users ? 'user' : 'group', tenant.userIds, mode);
    return users ? userBody(tenant.domain, mode) : groupBody(tenant.userIds, mode);
  }
  const bodies = adminBodies({ domain: tenant.domain, seatIds: tenant.seatIds, workspaceIds: tenant.workspaceIds, groupIds: tenant.groupIds, userIds: tenant.userIds }, mode);
  return bodies[key] ?? fc.option(hostileJson, { nil: undefined, freq: 2 });
}

/** RFC 7644 §3.4.3 SearchRequest bodies: the list query parameters as JSON members, each possibly of the wrong type. */
function searchBody(tenant: FuzzTenant, { field }: BodyMode): fc.Arbitrary<unknown> {
  const partitions = [`T#${tenant.tenantId}#users`, `T#${tenant.tenantId}#groups`];
  const integer = fc.oneof({ arbitrary: fc.integer({ min: -10, max: 1_000 }), weight: 4 }, { arbitrary: integerParameter, weight: 1 }, { arbitrary: fc.double(), weight: 1 });
  const names = fc.oneof({ arbitrary: fc.array(attributePath, { maxLength: 5 }), weight: 4 }, { arbitrary: attributeListParameter(attributePath), weight: 1 }, { arbitrary: hostileJson, weight: 1 });
  return fc.record(
    {
      schemas: fc.oneof({ arbitrary: fc.constant([SEARCH_REQUEST]), weight: 9 }, { arbitrary: hostileJson, weight: 1 }),
      filter: field(fc.oneof({ arbitrary: filterExpression, weight: 6 }, { arbitrary: extremeFilter, weight: 1 }, { arbitrary: hostileString, weight: 1 })),
      attributes: field(names),
      excludedAttributes: field(names),
      startIndex: field(integer),
      count: field(integer),
      cursor: field(cursorParameter(partitions)),
      sortBy: field(attributePath),
    },
    { requiredKeys: ['schemas'] },
  );
}

/** A body of the right shape whose required attribute has the wrong type, if the route has one. */
export function invalidAttributeBody(route: RouteDefinition): fc.Arbitrary<unknown> | undefined {
  if (route.auth !== 'scim' || !hasBody(route) || isSearch(route)) return undefined;
  if (route.method === 'PATCH') return invalidRequiredAttribute.patch;
  return route.path.includes('/Users') ? invalidRequiredAttribute.user : invalidRequiredAttribute.group;
}

/** The query string of a request: paging, filters, projections, plus strangers. */
export function queryFor(route: RouteDefinition, tenant: FuzzTenant): fc.Arbitrary<string> {
  const optional = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  const isList = route.auth === 'scim' && route.method === 'GET' && /\/(Users|Groups)$/.test(route.path);
  const partitions = [`T#${tenant.tenantId}#users`, `T#${tenant.tenantId}#groups`];
  const common = fc.record({
    attributes: optional(attributeListParameter(attributePath)),
    excludedAttributes: optional(attributeListParameter(attributePath)),
  });
  const list = fc.record({
    filter: optional(fc.oneof({ arbitrary: filterExpression, weight: 6 }, { arbitrary: extremeFilter, weight: 1 }, { arbitrary: hostileString, weight: 1 })),
    startIndex: optional(integerParameter),
    count: optional(integerParameter),
    cursor: optional(cursorParameter(partitions)),
  });
  const admin = fc.record(
    Object.fromEntries(
      adminListParameters.map((name) => [
        name,
        optional(name === 'cursor' ? cursorParameter(partitions) : name === 'count' ? integerParameter : name === 'manager' ? fc.oneof(fc.constantFrom(...tenant.userIds), hostileString) : hostileString),
      ]),
    ),
  );
  const specific = isList ? list : route.auth === 'admin' && route.method === 'GET' && !hasId(route) ? admin : fc.constant({});
  const strangers = fc.array(fc.tuple(hostileString, fc.oneof(hostileString, fc.constantFrom(...INVALID_UTF8_ESCAPES).map((raw) => ({ raw })))), { maxLength: 2 });
  return fc
    .tuple(route.auth === 'scim' ? common : fc.constant({}), specific, strangers)
    .map(([projection, parameters, extra]) => queryString([...Object.entries({ ...projection, ...parameters }), ...extra] as Array<[string, string | { raw: string } | undefined]>));
}
