import { selectedProvisioningSource } from '../../people/company/companies.js';
import { parseNewConnection } from '../../auth/connection-input.js';
import { createConnection, deleteConnection, issueConnectionToken, listActiveConnections, requireActiveConnection, toConnectionView } from '../../auth/connections.js';
import { RosterError } from '../../errors.js';
import { OAUTH_PREFIX, SCIM_PREFIX } from '../../api-prefixes.js';
import { htmlResult, redirect } from '../components/layout.js';
import type { ConsoleRequest, ConsoleRoute } from '../console-types.js';
import { ConnectionsPage, DeleteConnectionPage, NewTokenPage } from '../pages/admin/connections-page.js';
import { signedInAdmin, type SignedIn } from '../viewer.js';

const LIST = '/console/admin/connections';

const setupOf = (request: ConsoleRequest) => ({
  scimBaseUrl: `${request.baseUrl}${SCIM_PREFIX}`,
  authorizeUrl: `${request.baseUrl}${OAUTH_PREFIX}/authorize`,
  tokenUrl: `${request.baseUrl}${OAUTH_PREFIX}/token`,
});

async function listPage(who: SignedIn, request: ConsoleRequest, status: number, extra: { notice?: string; problems?: string[] } = {}) {
  const connections = (await listActiveConnections(who.session.tenantId)).map(toConnectionView);
  return htmlResult(status, <ConnectionsPage viewer={who.viewer} connections={connections} setup={setupOf(request)} {...extra} />);
}

/** Connections and their SCIM tokens, through the same operations as the admin API. */
export const adminConnectionsRoutes = {
  'GET /console/admin/connections': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const notice = request.params.created ? `Added ${request.params.created}.` : request.params.deleted ? `Deleted ${request.params.deleted}.` : undefined;
    return listPage(who, request, 200, notice ? { notice } : {});
  },

  'POST /console/admin/connections': async (request) => {
    const who = await signedInAdmin(request, LIST);
    let input;
    try {
      input = parseNewConnection({ name: request.params.name ?? '', ...(request.params.source ? { source: request.params.source } : {}) });
    } catch (error) {
      if (error instanceof RosterError && error.status === 400) return listPage(who, request, 400, { problems: [error.message] });
      throw error;
    }
    const source = input.source ?? (await selectedProvisioningSource(who.session.tenantId));
    const created = await createConnection(who.session.tenantId, { name: input.name, source });
    return redirect(`${LIST}?created=${encodeURIComponent(created.name)}`);
  },

  'GET /console/admin/connections/{id}/delete': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const connection = await requireActiveConnection(who.session.tenantId, request.pathParameters.id!);
    return htmlResult(200, <DeleteConnectionPage viewer={who.viewer} connection={toConnectionView(connection)} />);
  },

  'POST /console/admin/connections/{id}/delete': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const connection = await requireActiveConnection(who.session.tenantId, request.pathParameters.id!);
    await deleteConnection(who.session.tenantId, connection.id);
    return redirect(`${LIST}?deleted=${encodeURIComponent(connection.name)}`);
  },

  'POST /console/admin/connections/{id}/tokens': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const issued = await issueConnectionToken(who.session.tenantId, request.pathParameters.id!);
    return htmlResult(201, <NewTokenPage viewer={who.viewer} connection={toConnectionView(issued.connection)} token={issued.token} />);
  },
} satisfies Record<string, ConsoleRoute>;
