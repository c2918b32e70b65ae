import type { HttpRequest, HttpResult, RouteHandler } from '../http/types.js';
import { projectAttributes } from './attributes.js';
import { contextOf } from './endpoint.js';
import { listPage } from './list-page.js';
import { parseListQuery, type ListQuery } from './list-query.js';
import { listResponse } from './list-response.js';
import { projectionOf, type Projection } from './resource-response.js';
import type { ScimContext, ScimResourceType, Versioned } from './resource-type.js';
import { searchAllTypes, searchedType } from './root-search.js';
import { searchRequestQuery } from './search-request.js';

/** GET /<Type> (RFC 7644 §3.4.2): the query in the URL. */
export async function listOf<R extends Versioned, Input, Known>(type: ScimResourceType<R, Input, Known>, request: HttpRequest): Promise<HttpResult> {
  return { status: 200, body: await listResources(type, contextOf(request), parseListQuery(request.query), projectionOf(request.query)) };
}

/** POST /<Type>/.search (RFC 7644 §3.4.3): the same list, its query in the body. */
export async function searchOf<R extends Versioned, Input, Known>(type: ScimResourceType<R, Input, Known>, request: HttpRequest): Promise<HttpResult> {
  const query = searchRequestQuery(request.body);
  return { status: 200, body: await listResources(type, contextOf(request), parseListQuery(query), projectionOf(query)) };
}

/**
 * One ListResponse page: a GET on the resource type, and the same path for a POST /.search whose
 * body carries the query and projection instead of the URL.
 */
async function listResources<R extends Versioned, Input, Known>(
  type: ScimResourceType<R, Input, Known>,
  context: ScimContext,
  query: ListQuery,
  projection: Projection,
) {
  const page = await listPage(query, await type.listSource(context));
  const resources = await Promise.all(
    page.items.map(async (record) => projectAttributes(await type.toResource(context, record, { projection, inList: true }), projection, type.schema)),
  );
  return listResponse(resources, page.totalResults, query.cursor === undefined ? query.startIndex : undefined, page.nextCursor);
}

/** POST /.search (RFC 7644 §3.4.3) over the given resource types, in that order. */
export function searchRoot<U extends Versioned, UI, UK, G extends Versioned, GI, GK>(
  users: ScimResourceType<U, UI, UK>,
  groups: ScimResourceType<G, GI, GK>,
): RouteHandler {
  return async (request) => {
    const query = searchRequestQuery(request.body);
    const projection = projectionOf(query);
    const context = contextOf(request);
    const types = await Promise.all([searchedType(users, context, projection), searchedType(groups, context, projection)]);
    return { status: 200, body: await searchAllTypes(types, parseListQuery(query)) };
  };
}
