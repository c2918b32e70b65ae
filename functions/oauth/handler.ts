import { continueAuthorization, startAuthorization } from '../../shared/auth/oauth/authorize.js';
import { revokeOAuthToken } from '../../shared/auth/oauth/revoke.js';
import { issueTokens } from '../../shared/auth/oauth/token.js';
import { jsonResult, oauthHandler } from '../../shared/http/oauth-handler.js';
import { COOKIES } from '../../shared/http/cookies.js';
import { authorizeResponse } from '../../shared/http/oauth-pages.js';
import { requireSameOrigin } from '../../shared/http/same-origin.js';

export const handler = oauthHandler('oauth', {
  'GET /oauth/authorize': {
    responds: 'page',
    handle: async (request) => authorizeResponse(startAuthorization(request.params)),
  },
  'POST /oauth/authorize': {
    responds: 'page',
    handle: async (request) => {
      requireSameOrigin(request.headers, request.baseUrl);
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
