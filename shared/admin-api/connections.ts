import { parseNewConnection } from '../auth/connection-input.js';
import { createConnection, deleteConnection, issueConnectionToken, listActiveConnections, toConnectionView } from '../auth/connections.js';
import type { RouteHandler } from '../http/types.js';
import { selectedProvisioningSource } from '../people/company/companies.js';
import { idOf, noContent, ok, tenantOf } from './request.js';

/** The company's provisioning connections, as the admin API lists, creates and deletes them and issues their tokens. */
export const connectionsApi = {
  list: async (request) => ok({ connections: (await listActiveConnections(tenantOf(request))).map(toConnectionView) }),
  create: async (request) => {
    const requested = parseNewConnection(request.body);
    const source = requested.source ?? (await selectedProvisioningSource(tenantOf(request)));
    return ok(toConnectionView(await createConnection(tenantOf(request), { ...requested, source })), 201);
  },
  remove: async (request) => {
    await deleteConnection(tenantOf(request), idOf(request));
    return noContent();
  },
  issueToken: async (request) => {
    const issued = await issueConnectionToken(tenantOf(request), idOf(request));
    return { status: 201, headers: { 'cache-control': 'no-store' }, body: { token: issued.token, connectionId: issued.connection.id } };
  },
} satisfies Record<string, RouteHandler>;
