import { httpHandler } from '../../shared/http/handler.js';
import type { HttpRequest } from '../../shared/http/types.js';
import {
  createTeamMember,
  deleteTeamMember,
  getTeamMemberOrFail,
  listTeamMembers,
  patchTeamMember,
  replaceTeamMemberAttributes,
} from '../../shared/people/members/team-members.js';
import { projectAttributes } from '../../shared/scim/attributes.js';
import { etagOf, expectedVersion, matchesIfNoneMatch } from '../../shared/scim/etag.js';
import { parseListQuery } from '../../shared/scim/list-query.js';
import { listResponse } from '../../shared/scim/list-response.js';
import { projectionOf, resourceResult } from '../../shared/scim/resource-response.js';
import { USER_RESOURCE_SCHEMA } from '../../shared/scim/schema/resource-schemas.js';
import { toScimUser } from '../../shared/scim/user-resource.js';

const user = (request: HttpRequest) => request.pathParameters.id!;
const ifMatch = (request: HttpRequest) => expectedVersion(request.headers['if-match']);

export const handler = httpHandler('scim-users', {
  'POST /scim/v2/Users': async (request) => {
    const member = await createTeamMember(request.principal, request.body);
    return resourceResult(toScimUser(member, request.baseUrl), 201, projectionOf(request.query), USER_RESOURCE_SCHEMA);
  },

  'GET /scim/v2/Users/{id}': async (request) => {
    const member = await getTeamMemberOrFail(request.principal, user(request));
    if (matchesIfNoneMatch(request.headers['if-none-match'], member.version)) {
      return { status: 304, headers: { etag: etagOf(member.version) } };
    }
    return resourceResult(toScimUser(member, request.baseUrl), 200, projectionOf(request.query), USER_RESOURCE_SCHEMA);
  },

  'GET /scim/v2/Users': async (request) => {
    const query = parseListQuery(request.query);
    const page = await listTeamMembers(request.principal, query);
    const projection = projectionOf(request.query);
    const resources = page.items.map((member) =>
      projectAttributes(toScimUser(member, request.baseUrl), projection, USER_RESOURCE_SCHEMA),
    );
    return { status: 200, body: listResponse(resources, page.totalResults, query.cursor === undefined ? query.startIndex : undefined, page.nextCursor) };
  },

  'PUT /scim/v2/Users/{id}': async (request) => {
    const member = await replaceTeamMemberAttributes(request.principal, user(request), request.body, ifMatch(request));
    return resourceResult(toScimUser(member, request.baseUrl), 200, projectionOf(request.query), USER_RESOURCE_SCHEMA);
  },

  'PATCH /scim/v2/Users/{id}': async (request) => {
    const member = await patchTeamMember(request.principal, user(request), request.body, ifMatch(request), request.baseUrl);
    return resourceResult(toScimUser(member, request.baseUrl), 200, projectionOf(request.query), USER_RESOURCE_SCHEMA);
  },

  'DELETE /scim/v2/Users/{id}': async (request) => {
    await deleteTeamMember(request.principal, user(request), ifMatch(request));
    return { status: 204 };
  },
});
