import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { resetConfigForTests } from '../../../shared/config.js';
import { notFound } from '../../../shared/errors.js';
import { httpHandler } from '../../../shared/http/handler.js';
import { oauthHandler, type OAuthRoute } from '../../../shared/http/oauth-handler.js';
import type { RouteHandler } from '../../../shared/http/types.js';
import type { RouteKeyOf } from '../../../shared/routes.js';
import { apiEvent } from '../support/events.js';

const context = { awsRequestId: 'lambda-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const answer: RouteHandler = async () => ({ status: 204 });
const discoveryHandlers = {
  'GET /scim/v2/ServiceProviderConfig': answer,
  'GET /scim/v2/Schemas': answer,
  'GET /scim/v2/Schemas/{id}': answer,
  'GET /scim/v2/ResourceTypes': answer,
  'GET /scim/v2/ResourceTypes/{id}': answer,
};
const failingPage: OAuthRoute = { responds: 'page', handle: async () => Promise.reject(notFound('No such client.')) };
const failingJson: OAuthRoute = { responds: 'json', handle: async () => Promise.reject(notFound('No such client.')) };

const routed = (routeKey: string) => {
  const [method = 'GET', path = '/'] = routeKey.split(' ');
  const event = apiEvent(method);
  return { ...event, routeKey, rawPath: path, requestContext: { ...event.requestContext, routeKey, http: { ...event.requestContext.http, path } } };
};

beforeAll(() => {
  vi.stubEnv('TABLE_NAME', 'roster-test');
  vi.stubEnv('LOG_LEVEL', 'silent');
  resetConfigForTests();
});
afterAll(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
});

describe('the handler map of a function', () => {
  it('has exactly the route keys of the function in the route table', () => {
    expectTypeOf<RouteKeyOf<'scim-discovery'>>().toEqualTypeOf<keyof typeof discoveryHandlers>();
    expectTypeOf<RouteKeyOf<'oauth'>>().toEqualTypeOf<'GET /oauth/authorize' | 'POST /oauth/authorize' | 'POST /oauth/token' | 'POST /oauth/revoke'>();

    const { 'GET /scim/v2/Schemas/{id}': _left, ...missingOne } = discoveryHandlers;
    // @ts-expect-error a route of the function without a handler does not compile
    httpHandler('scim-discovery', 'scim', missingOne);
    // @ts-expect-error a handler for a route the function does not serve does not compile
    httpHandler('scim-discovery', 'scim', { ...discoveryHandlers, 'GET /scim/v2/Users': answer });
    // @ts-expect-error the SCIM discovery routes are not the admin API's
    httpHandler('scim-discovery', 'admin', discoveryHandlers);
    // @ts-expect-error the OAuth function takes no bearer token, so it has no JSON API stack
    httpHandler('oauth', 'scim', {});
    // @ts-expect-error a JSON API function has no OAuth stack
    oauthHandler('scim-discovery', {});

    expect(typeof httpHandler('scim-discovery', 'scim', discoveryHandlers)).toBe('function');
  });
});

describe('the shared base stack', () => {
  it('answers a route key outside the map with SCIM 404 on a SCIM function', async () => {
    const handler = httpHandler('scim-discovery', 'scim', discoveryHandlers);
    const response = await handler(routed('GET /scim/v2/Users'), context);
    expect(response.statusCode).toBe(404);
    expect(response.headers?.['content-type']).toMatch(/^application\/scim\+json/);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ status: '404', detail: 'No route for GET /scim/v2/Users.' });
  });

  it('authenticates before the route handler runs', async () => {
    const schemas = vi.fn(answer);
    const handler = httpHandler('scim-discovery', 'scim', { ...discoveryHandlers, 'GET /scim/v2/Schemas': schemas });
    const response = await handler(routed('GET /scim/v2/Schemas'), context);
    expect(response.statusCode).toBe(401);
    expect(schemas).not.toHaveBeenCalled();
  });

  it("maps an OAuth route's error by what the route answers: a page or RFC 6749 JSON", async () => {
    const handler = oauthHandler('oauth', {
      'GET /oauth/authorize': failingPage,
      'POST /oauth/authorize': failingPage,
      'POST /oauth/token': failingJson,
      'POST /oauth/revoke': failingJson,
    });
    const page = await handler(routed('GET /oauth/authorize'), context);
    expect(page.headers?.['content-type']).toMatch(/^text\/html/);
    const json = await handler(routed('POST /oauth/token'), context);
    expect(json.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(json.body ?? '')).toHaveProperty('error');
  });
});
