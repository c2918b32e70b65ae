import {
  createConnection,
  deleteConnection,
  issueConnectionToken,
  listActiveConnections,
  parseNewConnection,
  toConnectionView,
} from '../../shared/auth/connections.js';
import { adminTokensApi } from '../../shared/admin-api/admin-tokens.js';
import { selectedProvisioningSource } from '../../shared/people/company/companies.js';
import { httpHandler } from '../../shared/http/handler.js';
import type { HttpRequest } from '../../shared/http/types.js';
import { provisioningRoutes } from './provisioning-routes.js';

const connection = (request: HttpRequest) => request.pathParameters.id!;

export const handler = httpHandler('admin', {
  ...provisioningRoutes,
  'GET /admin/v1/connections': async (request) => {
    const connections = await listActiveConnections(request.principal.tenantId);
    return { status: 200, body: { connections: connections.map(toConnectionView) } };
  },

  'POST /admin/v1/connections': async (request) => {
    const requested = parseNewConnection(request.body);
    const source = requested.source ?? (await selectedProvisioningSource(request.principal.tenantId));
    const created = await createConnection(request.principal.tenantId, { ...requested, source });
    return { status: 201, body: toConnectionView(created) };
  },

  'DELETE /admin/v1/connections/{id}': async (request) => {
    await deleteConnection(request.principal.tenantId, connection(request));
    return { status: 204 };
  },

  'POST /admin/v1/connections/{id}/tokens': async (request) => {
    const issued = await issueConnectionToken(request.principal.tenantId, connection(request));
    return { status: 201, headers: { 'cache-control': 'no-store' }, body: { token: issued.token, connectionId: issued.connection.id } };
  },

  'GET /admin/v1/admin-tokens': adminTokensApi.list,
  'POST /admin/v1/admin-tokens': adminTokensApi.issue,
  'POST /admin/v1/admin-tokens/{id}/rotate': adminTokensApi.rotate,
  'DELETE /admin/v1/admin-tokens/{id}': adminTokensApi.revoke,
});
