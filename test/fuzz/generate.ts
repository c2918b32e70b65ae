import fc from 'fast-check';
import { routes } from '../../shared/routes.js';
import type { FuzzFixture } from './fixture.js';
import { consoleRequest } from './console-requests.js';
import { oauthRequest } from './oauth-requests.js';
import type { FuzzRequest } from './request.js';
import { playgroundRequest, snapshotRequest } from './resource-requests.js';

/**
 * One request to any route of the route table, each route equally likely. SCIM and admin
 * requests go to the snapshot company (writes poisoned) or to the playground (anything).
 * `only` narrows the routes to those whose key contains it (to chase one finding).
 */
export function fuzzRequest(fixture: FuzzFixture, only?: string): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...fuzzRequestPerRoute(fixture, only));
}

/** A request generator for each route (of those `only` selects), in route-table order. */
export function fuzzRequestPerRoute(fixture: FuzzFixture, only?: string): Array<fc.Arbitrary<FuzzRequest>> {
  const chosen = routes.filter((route) => !only || `${route.method} ${route.path}`.includes(only));
  return chosen.map((route) => {
    if (route.auth === 'none') return oauthRequest(route, fixture.playground);
    if (route.auth === 'session') return consoleRequest(route, fixture.playground);
    return fc.oneof(snapshotRequest(route, fixture.snapshot), playgroundRequest(route, fixture.playground));
  });
}
