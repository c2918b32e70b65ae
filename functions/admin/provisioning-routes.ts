import { lazyRoute } from '../../shared/http/lazy-route.js';
import type { RouteHandler } from '../../shared/http/types.js';
import type { RouteKeyOf } from '../../shared/routes.js';

// Each resource's code loads with its first request (shared/http/lazy-route.ts).
const companySettings = () => import('../../shared/admin-api/company-settings.js');
const companyConfig = () => import('../../shared/admin-api/company-config.js');
const teamMembers = () => import('../../shared/admin-api/team-members.js');

/** The admin API of provisioning: settings, seats, workspaces, assignments, team members, import errors. */
export const provisioningRoutes = {
  'GET /admin/v1/settings': lazyRoute(companySettings, (api) => api.companySettingsApi.read),
  'PUT /admin/v1/settings': lazyRoute(companySettings, (api) => api.companySettingsApi.update),
  'POST /admin/v1/domains/{id}/verify': lazyRoute(companySettings, (api) => api.companySettingsApi.verifyDomain),

  'GET /admin/v1/seats': lazyRoute(companyConfig, (api) => api.seatTypesApi.list),
  'POST /admin/v1/seats': lazyRoute(companyConfig, (api) => api.seatTypesApi.create),
  'PUT /admin/v1/seats/{id}': lazyRoute(companyConfig, (api) => api.seatTypesApi.update),

  'GET /admin/v1/workspaces': lazyRoute(companyConfig, (api) => api.workspacesApi.list),
  'POST /admin/v1/workspaces': lazyRoute(companyConfig, (api) => api.workspacesApi.create),
  'PUT /admin/v1/workspaces/{id}': lazyRoute(companyConfig, (api) => api.workspacesApi.update),

  'GET /admin/v1/assignments': lazyRoute(companyConfig, (api) => api.assignmentsApi.list),
  'POST /admin/v1/assignments': lazyRoute(companyConfig, (api) => api.assignmentsApi.create),
  'GET /admin/v1/assignments/{id}': lazyRoute(companyConfig, (api) => api.assignmentsApi.read),
  'PUT /admin/v1/assignments/{id}': lazyRoute(companyConfig, (api) => api.assignmentsApi.update),
  'DELETE /admin/v1/assignments/{id}': lazyRoute(companyConfig, (api) => api.assignmentsApi.remove),

  'GET /admin/v1/team-members': lazyRoute(teamMembers, (api) => api.teamMembersApi.list),
  'GET /admin/v1/team-members/{id}': lazyRoute(teamMembers, (api) => api.teamMembersApi.read),
  'GET /admin/v1/team-members/{id}/history': lazyRoute(teamMembers, (api) => api.teamMembersApi.history),
  'PATCH /admin/v1/team-members/{id}': lazyRoute(teamMembers, (api) => api.teamMembersApi.edit),
  'PUT /admin/v1/team-members/{id}/data-capture': lazyRoute(teamMembers, (api) => api.teamMembersApi.setDataCapture),
  'POST /admin/v1/team-members/{id}/erase': lazyRoute(teamMembers, (api) => api.teamMembersApi.erase),

  'GET /admin/v1/import-errors': lazyRoute(teamMembers, (api) => api.teamMembersApi.importErrors),
} satisfies Partial<Record<RouteKeyOf<'admin'>, RouteHandler>>;
