import fc from 'fast-check';
import type { RouteDefinition } from '../../shared/routes.js';
import { plausibleMode } from './arbitraries/scim.js';
import { headerSafeString, hostileString } from './arbitraries/strings.js';
import { acceptedContentType, badAuthorization, idSegment, ifMatchHeader, percentEncode, refusedContentType } from './arbitraries/transport.js';
import { anyBody, malformedBody, notAnObjectBody, oversizedBody, type WireBody } from './bodies.js';
import type { FuzzTenant } from './fixture.js';
import { toJsonText } from './json-text.js';
import { apiOf, routeKeyOf, type FuzzRequest, type Poison } from './request.js';
import { hasBody, hasId, invalidAttributeBody, knownIds, queryFor, structuredBody, takesIfMatch, takesObject } from './route-parts.js';

interface Parts {
  id: string;
  query: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: WireBody | undefined;
  extraHeaders: Record<string, string>;
}

const tokenOf = (route: RouteDefinition, tenant: FuzzTenant) => (route.auth === 'scim' ? tenant.scimToken : tenant.adminToken);
const otherScopeToken = (route: RouteDefinition, tenant: FuzzTenant) => (route.auth === 'scim' ? tenant.adminToken : tenant.scimToken);

/** Headers beyond authorization and content type: preconditions, accept, forwarding. */
function extraHeaders(route: RouteDefinition): fc.Arbitrary<Record<string, string>> {
  const optional = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: undefined, freq: 3 });
  return fc
    .record({
      'if-match': takesIfMatch(route) ? optional(ifMatchHeader) : fc.constant(undefined),
      'if-none-match': route.method === 'GET' ? optional(ifMatchHeader) : fc.constant(undefined),
      accept: optional(fc.oneof(fc.constantFrom('application/scim+json', 'text/html', '*/*', 'application/xml'), headerSafeString)),
      'x-forwarded-proto': optional(fc.oneof(fc.constantFrom('https', 'javascript'), headerSafeString)),
    })
    .map((headers) => Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => entry[1] !== undefined)));
}

/** Every part of a request, each as hostile as a real client could make it; auth valid when asked. */
function parts(route: RouteDefinition, tenant: FuzzTenant, validAuth: boolean): fc.Arbitrary<Parts> {
  const bad = badAuthorization(otherScopeToken(route, tenant), tenant.revokedToken);
  return fc.record({
    id: idSegment(knownIds(route, tenant)),
    query: queryFor(route, tenant),
    authorization: validAuth ? fc.oneof({ arbitrary: fc.constant(`Bearer ${tokenOf(route, tenant)}`), weight: 9 }, { arbitrary: bad, weight: 1 }) : bad,
    contentType: hasBody(route)
      ? fc.oneof({ arbitrary: acceptedContentType, weight: 12 }, { arbitrary: refusedContentType, weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 })
      : fc.constant(undefined),
    body: hasBody(route) ? anyBody(structuredBody(route, tenant), structuredBody(route, tenant, plausibleMode)) : fc.constant(undefined),
    extraHeaders: extraHeaders(route),
  });
}

/** API Gateway refuses a request line over 10 KB itself; Roster never sees one. */
const MAX_URL_LENGTH = 8_000;

/** The id percent-encoded, shortened (by whole characters) until it fits in a URL. */
function encodedId(id: string): string {
  let characters = [...id];
  while (percentEncode(characters.join('')).length > MAX_URL_LENGTH - 200) characters = characters.slice(0, Math.floor(characters.length * 0.8));
  return percentEncode(characters.join(''));
}

function toRequest(route: RouteDefinition, target: FuzzRequest['target'], part: Parts, poison?: Poison): FuzzRequest {
  const resource = route.path.replace('{id}', encodedId(part.id));
  const path = resource.length + part.query.length > MAX_URL_LENGTH ? resource : resource + part.query;
  const headers: Record<string, string> = { ...part.extraHeaders };
  if (part.authorization !== undefined) headers.authorization = part.authorization;
  if (part.contentType !== undefined) headers['content-type'] = part.contentType;
  return {
    routeKey: routeKeyOf(route),
    api: apiOf(route),
    target,
    method: route.method,
    path,
    headers,
    ...(part.body === undefined || (part.body === '' && part.contentType === undefined) ? {} : { body: part.body }),
    ...(poison ? { poison } : {}),
  };
}

/** Any request to the playground company: most are valid enough to get far, many succeed. */
export function playgroundRequest(route: RouteDefinition, tenant: FuzzTenant): fc.Arbitrary<FuzzRequest> {
  return parts(route, tenant, true).map((part) => toRequest(route, 'playground', part));
}

/** The poisons that certainly make this route fail. */
function poisonsFor(route: RouteDefinition): Poison[] {
  return [
    'auth',
    ...(hasBody(route) ? (['contentType', 'malformed', 'oversize'] as const) : []),
    ...(takesObject(route) ? (['notAnObject'] as const) : []),
    ...(invalidAttributeBody(route) ? (['invalidAttribute'] as const) : []),
    ...(hasId(route) ? (['unknownId'] as const) : []),
    ...(takesIfMatch(route) ? (['staleVersion'] as const) : []),
  ];
}

const unknownId = fc.oneof(fc.uuid(), hostileString.map((id) => `unknown-${id}`));

/** A request to the snapshot company: reads as they come, writes always with one certain defect. */
export function snapshotRequest(route: RouteDefinition, tenant: FuzzTenant): fc.Arbitrary<FuzzRequest> {
  if (route.method === 'GET') return parts(route, tenant, true).map((part) => toRequest(route, 'snapshot', part));
  return fc.constantFrom(...poisonsFor(route)).chain((poison) =>
    fc.tuple(parts(route, tenant, poison !== 'auth'), poisoned(route, tenant, poison)).map(([part, change]) => toRequest(route, 'snapshot', { ...part, ...change }, poison)),
  );
}

/** The parts a poison overrides. */
function poisoned(route: RouteDefinition, tenant: FuzzTenant, poison: Poison): fc.Arbitrary<Partial<Parts>> {
  const json = <T>(body: fc.Arbitrary<T>) => body.map((value) => ({ contentType: 'application/scim+json', body: toJsonText(value) }));
  const truncated = structuredBody(route, tenant)
    .map(toJsonText)
    .filter((text) => text.length > 1)
    .chain((text) => fc.integer({ min: 1, max: text.length - 1 }).map((length) => text.slice(0, length)));
  switch (poison) {
    case 'auth':
      return fc.constant({});
    case 'contentType':
      return refusedContentType.map((contentType) => ({ contentType }));
    case 'malformed':
      return fc.oneof(malformedBody, truncated).filter(isInvalidJson).map((body) => ({ contentType: 'application/json', body }));
    case 'oversize':
      return oversizedBody.map((body) => ({ contentType: 'application/scim+json', body }));
    case 'notAnObject':
      return notAnObjectBody.map((body) => ({ contentType: 'application/json', body }));
    case 'invalidAttribute':
      return json(invalidAttributeBody(route)!);
    case 'unknownId':
      return unknownId.map((id) => ({ id }));
    case 'staleVersion':
      return fc.constant({ extraHeaders: { 'if-match': 'W/"999999"' } });
  }
}

/** True when the text (as the server decodes it) is not JSON at all. */
function isInvalidJson(body: WireBody): boolean {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}
