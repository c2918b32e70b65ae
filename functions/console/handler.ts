import { consoleHandler } from '../../shared/console/console-handler.js';
import { adminAssignmentsRoutes } from '../../shared/console/routes/admin-assignments-routes.js';
import { adminConnectionsRoutes } from '../../shared/console/routes/admin-connections-routes.js';
import { adminOverviewRoutes } from '../../shared/console/routes/admin-overview-routes.js';
import { adminSettingsRoutes } from '../../shared/console/routes/admin-settings-routes.js';
import { adminTeamMembersRoutes } from '../../shared/console/routes/admin-team-members-routes.js';
import { adminTokensRoutes } from '../../shared/console/routes/admin-tokens-routes.js';
import { connectOktaRoutes } from '../../shared/console/routes/connect-okta-routes.js';
import { signInRoutes } from '../../shared/console/routes/sign-in-routes.js';
import { teamRoutes } from '../../shared/console/routes/team-routes.js';

export const handler = consoleHandler({ ...signInRoutes, ...teamRoutes, ...adminSettingsRoutes, ...adminAssignmentsRoutes, ...adminOverviewRoutes, ...adminConnectionsRoutes, ...adminTeamMembersRoutes, ...adminTokensRoutes, ...connectOktaRoutes });
