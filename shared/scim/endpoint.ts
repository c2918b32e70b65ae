import type { HttpRequest, HttpResult, RouteHandler } from '../http/types.js';
import { checkVersion } from '../people/write-conflicts.js';
import { etagOf, expectedVersion, matchesIfNoneMatch } from './etag.js';
import { projectionOf, resourceResult } from './resource-response.js';
import type { ScimContext, ScimResourceType, Versioned } from './resource-type.js';

export interface ScimEndpoint {
  create: RouteHandler;
  read: RouteHandler;
  list: RouteHandler;
  /** POST /<Type>/.search (RFC 7644 §3.4.3): the list with its query in the body. */
  search: RouteHandler;
  replace: RouteHandler;
  patch: RouteHandler;
  remove: RouteHandler;
}

export const contextOf = (request: HttpRequest): ScimContext => ({ principal: request.principal, baseUrl: request.baseUrl });
// Lists and searches (query parsing, paging, ListResponse) load with the first of them.
const listing = () => import('./list-endpoint.js');
const idOf = (request: HttpRequest) => request.pathParameters.id!;

/**
 * The SCIM protocol of one resource type, the same for every type: parse the body, check the
 * version (If-Match → 412, If-None-Match → 304), apply the change through the type's domain
 * operation, then filter, project and answer (ETag, Location, ListResponse).
 */
export function scimEndpoint<R extends Versioned, Input, Known>(type: ScimResourceType<R, Input, Known>): ScimEndpoint {
  const answer = async (request: HttpRequest, record: R, status: 200 | 201, known?: Known): Promise<HttpResult> => {
    const projection = projectionOf(request.query);
    const resource = await type.toResource(contextOf(request), record, { projection, inList: false, ...(known === undefined ? {} : { known }) });
    return resourceResult(resource, status, projection, type.schema);
  };
  const writing = (request: HttpRequest) => {
    const expected = expectedVersion(request.headers['if-match']);
    const current = async () => {
      const record = await type.read(contextOf(request), idOf(request));
      checkVersion(type.name, record, expected);
      return record;
    };
    return { expected, current };
  };

  return {
    create: async (request) => {
      const input = await type.parse(request.body);
      const { record, known } = await type.create(contextOf(request), input);
      return answer(request, record, 201, known);
    },

    read: async (request) => {
      const record = await type.read(contextOf(request), idOf(request));
      if (matchesIfNoneMatch(request.headers['if-none-match'], record.version)) {
        return { status: 304, headers: { etag: etagOf(record.version) } };
      }
      return answer(request, record, 200);
    },

    list: async (request) => (await listing()).listOf(type, request),

    search: async (request) => (await listing()).searchOf(type, request),

    replace: async (request) => {
      const input = await type.parse(request.body);
      const { expected, current } = writing(request);
      return answer(request, await type.replace(contextOf(request), await current(), input, expected), 200);
    },

    patch: async (request) => {
      const { expected, current } = writing(request);
      const record = await type.patch(contextOf(request), idOf(request), request.body, current, expected);
      if (type.patchAnswersNoContent && !request.query.attributes && !request.query.excludedAttributes) {
        return { status: 204, headers: { etag: etagOf(record.version) } };
      }
      return answer(request, record, 200);
    },

    remove: async (request) => {
      const { expected, current } = writing(request);
      await type.remove(contextOf(request), await current(), expected);
      return { status: 204 };
    },
  };
}
