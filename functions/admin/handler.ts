import { httpHandler } from '../../shared/http/handler.js';
import { lazyRoute } from '../../shared/http/lazy-route.js';
import { provisioningRoutes } from './provisioning-routes.js';

// Each resource's code loads with its first request (shared/http/lazy-route.ts).
const connections = () => import('../../shared/admin-api/connections.js');
const adminTokens = () => import('../../shared/admin-api/admin-tokens.js');

export const handler = httpHandler('admin', 'admin', {
  ...provisioningRoutes,
  'GET /admin/v1/connections': lazyRoute(connections, (api) => api.connectionsApi.list),
  'POST /admin/v1/connections': lazyRoute(connections, (api) => api.connectionsApi.create),
  'DELETE /admin/v1/connections/{id}': lazyRoute(connections, (api) => api.connectionsApi.remove),
  'POST /admin/v1/connections/{id}/tokens': lazyRoute(connections, (api) => api.connectionsApi.issueToken),

  'GET /admin/v1/admin-tokens': lazyRoute(adminTokens, (api) => api.adminTokensApi.list),
  'POST /admin/v1/admin-tokens': lazyRoute(adminTokens, (api) => api.adminTokensApi.issue),
  'POST /admin/v1/admin-tokens/{id}/rotate': lazyRoute(adminTokens, (api) => api.adminTokensApi.rotate),
  'DELETE /admin/v1/admin-tokens/{id}': lazyRoute(adminTokens, (api) => api.adminTokensApi.revoke),
});
