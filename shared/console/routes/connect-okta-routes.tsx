import { authorizeAsSignedInAdmin } from '../../auth/oauth/authorize.js';
import { authorizeResponse } from '../../http/oauth-pages.js';
import type { ConsoleRoute } from '../console-types.js';
import { signedInAdmin } from '../viewer.js';

/**
 * "Authenticate with Roster" for an admin already signed in to the console (or who signs in now):
 * the session names the company, so no token is pasted, and the consent page follows. Its form
 * posts to the OAuth function, which checks the consent ticket as for any other sign-in.
 */
export const connectOktaRoutes = {
  'GET /console/connect-okta': async (request) => {
    const here = `/console/connect-okta?${new URLSearchParams(request.params)}`;
    const { session } = await signedInAdmin(request, here);
    const page = authorizeResponse(await authorizeAsSignedInAdmin(request.params, session.tenantId));
    return { ...page, cookies: page.cookies ?? [] };
  },
} satisfies Record<string, ConsoleRoute>;
