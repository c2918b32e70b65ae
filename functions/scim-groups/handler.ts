import { httpHandler } from '../../shared/http/handler.js';
import { scimEndpoint } from '../../shared/scim/endpoint.js';
import { groupResourceType } from '../../shared/scim/resources/groups.js';

const groups = scimEndpoint(groupResourceType);

export const handler = httpHandler('scim-groups', 'scim', {
  'POST /scim/v2/Groups': groups.create,
  'GET /scim/v2/Groups/{id}': groups.read,
  'GET /scim/v2/Groups': groups.list,
  'POST /scim/v2/Groups/.search': groups.search,
  'PUT /scim/v2/Groups/{id}': groups.replace,
  'PATCH /scim/v2/Groups/{id}': groups.patch,
  'DELETE /scim/v2/Groups/{id}': groups.remove,
});
