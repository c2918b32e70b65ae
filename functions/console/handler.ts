import { consoleHandler } from '../../shared/console/console-handler.js';
import { lazyRoutes } from '../../shared/http/lazy-route.js';

// Each group of pages loads with its first request (shared/http/lazy-route.ts): a cold start for a
// manager's My team page does not load the admin pages, nor the admin pages one another.

export const handler = consoleHandler({
  ...lazyRoutes(() => import('../../shared/console/routes/sign-in-routes.js').then((module) => module.signInRoutes), [
    'GET /console',
    'GET /console/sign-in',
    'POST /console/sign-in/email',
    'GET /console/sign-in/link',
    'POST /console/sign-in/link',
    'POST /console/sign-in/admin-token',
    'GET /console/sign-in/oidc',
    'GET /console/sign-in/oidc/callback',
    'POST /console/sign-out',
  ]),
  ...lazyRoutes(() => import('../../shared/console/routes/team-routes.js').then((module) => module.teamRoutes), ['GET /console/team', 'POST /console/team/{id}/data-capture']),
  ...lazyRoutes(() => import('../../shared/console/routes/connect-okta-routes.js').then((module) => module.connectOktaRoutes), ['GET /console/connect-okta']),
  ...lazyRoutes(() => import('../../shared/console/routes/admin-settings-routes.js').then((module) => module.adminSettingsRoutes), [
    'GET /console/admin/settings',
    'POST /console/admin/settings',
    'POST /console/admin/settings/verify-domain',
  ]),
  ...lazyRoutes(() => import('../../shared/console/routes/admin-assignments-routes.js').then((module) => module.adminAssignmentsRoutes), [
    'GET /console/admin/assignments',
    'GET /console/admin/assignments/{id}',
    'POST /console/admin/assignments/{id}',
    'POST /console/admin/assignments/{id}/move',
    'GET /console/admin/assignments/{id}/delete',
    'POST /console/admin/assignments/{id}/delete',
  ]),
  ...lazyRoutes(() => import('../../shared/console/routes/admin-overview-routes.js').then((module) => module.adminOverviewRoutes), ['GET /console/admin/seats', 'GET /console/admin/import-errors']),
  ...lazyRoutes(() => import('../../shared/console/routes/admin-connections-routes.js').then((module) => module.adminConnectionsRoutes), [
    'GET /console/admin/connections',
    'POST /console/admin/connections',
    'GET /console/admin/connections/{id}/delete',
    'POST /console/admin/connections/{id}/delete',
    'POST /console/admin/connections/{id}/tokens',
  ]),
  ...lazyRoutes(() => import('../../shared/console/routes/admin-team-members-routes.js').then((module) => module.adminTeamMembersRoutes), [
    'GET /console/admin/team-members',
    'GET /console/admin/team-members/{id}',
    'POST /console/admin/team-members/{id}/profile',
    'GET /console/admin/team-members/{id}/erase',
    'POST /console/admin/team-members/{id}/erase',
  ]),
  ...lazyRoutes(() => import('../../shared/console/routes/admin-tokens-routes.js').then((module) => module.adminTokensRoutes), [
    'GET /console/admin/admin-tokens',
    'POST /console/admin/admin-tokens',
    'POST /console/admin/admin-tokens/{id}/rotate',
    'GET /console/admin/admin-tokens/{id}/revoke',
    'POST /console/admin/admin-tokens/{id}/revoke',
  ]),
});
