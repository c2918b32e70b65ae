import { httpHandler } from '../../shared/http/handler.js';
import { lazyRoute } from '../../shared/http/lazy-route.js';
import { scimEndpoint } from '../../shared/scim/endpoint.js';
import { userResourceType } from '../../shared/scim/resources/users.js';

const users = scimEndpoint(userResourceType);
// Only the root search reads groups here: the Group resource type loads with its first request.
const rootSearch = async () => ({ ...(await import('../../shared/scim/resources/groups.js')), ...(await import('../../shared/scim/list-endpoint.js')) });

export const handler = httpHandler('scim-users', 'scim', {
  'POST /scim/v2/Users': users.create,
  'GET /scim/v2/Users/{id}': users.read,
  'GET /scim/v2/Users': users.list,
  'POST /scim/v2/Users/.search': users.search,
  'PUT /scim/v2/Users/{id}': users.replace,
  'PATCH /scim/v2/Users/{id}': users.patch,
  'DELETE /scim/v2/Users/{id}': users.remove,
  'POST /scim/v2/.search': lazyRoute(rootSearch, ({ groupResourceType, searchRoot }) => searchRoot(userResourceType, groupResourceType)),
});
