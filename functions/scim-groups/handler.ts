import { httpHandler } from '../../shared/http/handler.js';
import type { HttpRequest } from '../../shared/http/types.js';
import {
  createGroup,
  deleteGroup,
  getGroupOrFail,
  groupMemberIds,
  listGroups,
  patchGroup,
  replaceGroup,
} from '../../shared/people/groups/groups.js';
import { needsAttribute, projectAttributes } from '../../shared/scim/attributes.js';
import { etagOf, expectedVersion, matchesIfNoneMatch } from '../../shared/scim/etag.js';
import { toScimGroup } from '../../shared/scim/group-resource.js';
import { parseListQuery } from '../../shared/scim/list-query.js';
import { listResponse } from '../../shared/scim/list-response.js';
import { projectionOf, resourceResult, type Projection } from '../../shared/scim/resource-response.js';
import { GROUP_RESOURCE_SCHEMA } from '../../shared/scim/schema/resource-schemas.js';
import type { GroupRecord } from '../../shared/store/groups.js';

const groupId = (request: HttpRequest) => request.pathParameters.id!;
const ifMatch = (request: HttpRequest) => expectedVersion(request.headers['if-match']);
const wantsMembers = (projection: Projection) => needsAttribute(projection, 'members', GROUP_RESOURCE_SCHEMA);

/** A single group answer; the member edges are read only when the response includes members. */
async function groupResult(request: HttpRequest, group: GroupRecord, status: 200 | 201, knownMembers?: string[]) {
  const projection = projectionOf(request.query);
  const members = wantsMembers(projection) ? (knownMembers ?? (await groupMemberIds(request.principal, group.id))) : undefined;
  return resourceResult(toScimGroup(group, request.baseUrl, members), status, projection, GROUP_RESOURCE_SCHEMA);
}

export const handler = httpHandler('scim-groups', {
  'POST /scim/v2/Groups': async (request) => {
    const { group, memberIds } = await createGroup(request.principal, request.body);
    return groupResult(request, group, 201, memberIds);
  },

  'GET /scim/v2/Groups/{id}': async (request) => {
    const group = await getGroupOrFail(request.principal, groupId(request));
    if (matchesIfNoneMatch(request.headers['if-none-match'], group.version)) {
      return { status: 304, headers: { etag: etagOf(group.version) } };
    }
    return groupResult(request, group, 200);
  },

  // Lists leave members out unless `attributes` asks for them: a page of 100 big groups would
  // otherwise read every membership edge of every group (Okta's connection test lists groups).
  'GET /scim/v2/Groups': async (request) => {
    const query = parseListQuery(request.query);
    const page = await listGroups(request.principal, query);
    const projection = projectionOf(request.query);
    const withMembers = Boolean(projection.attributes) && wantsMembers(projection);
    const resources = await Promise.all(
      page.items.map(async (group) =>
        projectAttributes(
          toScimGroup(group, request.baseUrl, withMembers ? await groupMemberIds(request.principal, group.id) : undefined),
          projection,
          GROUP_RESOURCE_SCHEMA,
        ),
      ),
    );
    return { status: 200, body: listResponse(resources, page.totalResults, query.cursor === undefined ? query.startIndex : undefined, page.nextCursor) };
  },

  'PUT /scim/v2/Groups/{id}': async (request) => {
    const group = await replaceGroup(request.principal, groupId(request), request.body, ifMatch(request));
    return groupResult(request, group, 200);
  },

  // 204 (RFC 7644 §3.5.2): echoing a big group's members after every membership change would
  // cost a full read; with `attributes` the caller gets the resource it asks for.
  'PATCH /scim/v2/Groups/{id}': async (request) => {
    const group = await patchGroup(request.principal, groupId(request), request.body, ifMatch(request));
    if (!request.query.attributes && !request.query.excludedAttributes) return { status: 204, headers: { etag: etagOf(group.version) } };
    return groupResult(request, group, 200);
  },

  'DELETE /scim/v2/Groups/{id}': async (request) => {
    await deleteGroup(request.principal, groupId(request), ifMatch(request));
    return { status: 204 };
  },
});
