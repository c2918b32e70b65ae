/**
 * A route whose code loads with its first request: `load` is a dynamic `import()`, so the module
 * and what only it needs are a chunk of their own (infra/function-bundle.ts), off the function's
 * init. For functions whose routes each need code of their own (the admin API's resources, the
 * console's pages): a cold start then loads what its request needs, not every route's code.
 */
export function lazyRoute<Module, Request, Result>(load: () => Promise<Module>, route: (module: Module) => (request: Request) => Promise<Result>): (request: Request) => Promise<Result> {
  return async (request) => route(await load())(request);
}

/**
 * The `keys` of a module's route map, each a lazyRoute: the module loads with the first request of
 * any of them. Its type checks that the module has every key; the function's handler, that the
 * keys cover its routes of the route table.
 */
export function lazyRoutes<Key extends string, Request, Result>(
  load: () => Promise<Record<Key, (request: Request) => Promise<Result>>>,
  keys: readonly Key[],
): Record<Key, (request: Request) => Promise<Result>> {
  return Object.fromEntries(keys.map((key) => [key, lazyRoute(load, (routes) => routes[key])])) as Record<Key, (request: Request) => Promise<Result>>;
}
