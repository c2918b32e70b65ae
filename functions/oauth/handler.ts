import { revokeOAuthToken } from '../../shared/auth/oauth/revoke.js';
import { issueTokens } from '../../shared/auth/oauth/token.js';
import { jsonResult, oauthHandler } from '../../shared/http/oauth-handler.js';
import { COOKIES } from '../../shared/http/cookies.js';
import { requireSameOrigin } from '../../shared/http/same-origin.js';

// The sign-in and consent steps and their pages serve an admin connecting Okta, once per Okta app;
// the token requests that Okta keeps sending do not load them (nor zod, which checks a connection's name).
const authorization = () => Promise.all([import('../../shared/auth/oauth/authorize.js'), import('../../shared/http/oauth-pages.js')]);

export const handler = oauthHandler('oauth', {
  'GET /oauth/authorize': {
    responds: 'page',
    handle: async (request) => {
      const [{ startAuthorization }, { authorizeResponse }] = await authorization();
      return authorizeResponse(startAuthorization(request.params));
    },
  },
  'POST /oauth/authorize': {
    responds: 'page',
    handle: async (request) => {
      requireSameOrigin(request.headers, request.baseUrl);
      const [{ continueAuthorization }, { authorizeResponse }] = await authorization();
      return authorizeResponse(await continueAuthorization(request.params, request.cookies[COOKIES.consent]));
    },
  },
  'POST /oauth/token': {
    responds: 'json',
    handle: async (request) => jsonResult(200, await issueTokens(request.headers.authorization, request.params)),
  },
  'POST /oauth/revoke': {
    responds: 'json',
    handle: async (request) => {
      await revokeOAuthToken(request.headers.authorization, request.params);
      return jsonResult(200, undefined);
    },
  },
});
