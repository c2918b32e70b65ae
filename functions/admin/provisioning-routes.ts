import { assignmentsApi, seatTypesApi, workspacesApi } from '../../shared/admin-api/company-config.js';
import { companySettingsApi } from '../../shared/admin-api/company-settings.js';
import { teamMembersApi } from '../../shared/admin-api/team-members.js';
import type { RouteHandler } from '../../shared/http/types.js';
import type { RouteKeyOf } from '../../shared/routes.js';

/** The admin API of provisioning: settings, seats, workspaces, assignments, team members, import errors. */
export const provisioningRoutes = {
  'GET /admin/v1/settings': companySettingsApi.read,
  'PUT /admin/v1/settings': companySettingsApi.update,
  'POST /admin/v1/domains/{id}/verify': companySettingsApi.verifyDomain,

  'GET /admin/v1/seats': seatTypesApi.list,
  'POST /admin/v1/seats': seatTypesApi.create,
  'PUT /admin/v1/seats/{id}': seatTypesApi.update,

  'GET /admin/v1/workspaces': workspacesApi.list,
  'POST /admin/v1/workspaces': workspacesApi.create,
  'PUT /admin/v1/workspaces/{id}': workspacesApi.update,

  'GET /admin/v1/assignments': assignmentsApi.list,
  'POST /admin/v1/assignments': assignmentsApi.create,
  'GET /admin/v1/assignments/{id}': assignmentsApi.read,
  'PUT /admin/v1/assignments/{id}': assignmentsApi.update,
  'DELETE /admin/v1/assignments/{id}': assignmentsApi.remove,

  'GET /admin/v1/team-members': teamMembersApi.list,
  'GET /admin/v1/team-members/{id}': teamMembersApi.read,
  'GET /admin/v1/team-members/{id}/history': teamMembersApi.history,
  'PATCH /admin/v1/team-members/{id}': teamMembersApi.edit,
  'PUT /admin/v1/team-members/{id}/data-capture': teamMembersApi.setDataCapture,
  'POST /admin/v1/team-members/{id}/erase': teamMembersApi.erase,

  'GET /admin/v1/import-errors': teamMembersApi.importErrors,
} satisfies Partial<Record<RouteKeyOf<'admin'>, RouteHandler>>;
