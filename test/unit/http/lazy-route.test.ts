import { describe, expect, it } from 'vitest';
import { lazyRoute, lazyRoutes } from '../../../shared/http/lazy-route.js';

describe('lazy routes', () => {
  it('load their module only when a request comes, and answer with its route', async () => {
    const loaded: string[] = [];
    const load = async () => {
      loaded.push('routes');
      return { 'GET /a': async (request: string) => `a:${request}`, 'GET /b': async (request: string) => `b:${request}` };
    };
    const routes = lazyRoutes(load, ['GET /a', 'GET /b']);
    expect(Object.keys(routes)).toEqual(['GET /a', 'GET /b']);
    expect(loaded).toEqual([]);
    expect(await routes['GET /b']('x')).toBe('b:x');
    expect(await lazyRoute(load, (module) => module['GET /a'])('y')).toBe('a:y');
    expect(loaded).toEqual(['routes', 'routes']);
  });
});
