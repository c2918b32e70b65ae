import { resumeSession } from '../auth/console/sessions.js';
import { RosterError } from '../errors.js';
import { formParameters } from '../http/form-parameters.js';
import { pathParametersOf } from '../http/path-parameters.js';
import { logCaller } from '../http/request-context.js';
import { routedHandler } from '../http/routed-handler.js';
import type { ApiResult } from '../http/types.js';
import type { RouteKeyOf } from '../routes.js';
import { htmlResult, redirect } from './components/layout.js';
import { COOKIES, cookiesOf } from './cookies.js';
import type { ConsoleRequest, ConsoleResult, ConsoleRoute } from './console-types.js';
import { consolePrincipal } from './console-principal.js';
import { checkFormPost } from './csrf.js';
import { ErrorPage } from './pages/error-page.js';

/** Thrown by a page that needs a signed-in person: the browser is sent to sign in, then back. */
export class SignInRequired extends RosterError {
  constructor(
    readonly next: string,
    readonly company?: string,
  ) {
    super(401, 'Sign in to continue.', { code: 'sign_in_required' });
  }
}

/**
 * The console on the shared middy stack: cookies and form parsed, the session resumed, every POST
 * checked for its origin and CSRF token before the route runs; errors become an HTML page (or a
 * redirect to sign-in), never JSON or a stack trace.
 */
export function consoleHandler(routes: Record<RouteKeyOf<'console'>, ConsoleRoute>) {
  return routedHandler(routes, {
    api: 'console',
    errorResult: (error, _route, requestId) => toApiResult(errorResult(error, requestId)),
    async handle(routed, event) {
      const cookies = cookiesOf(event);
      const sessionId = cookies[COOKIES.session];
      const session = await resumeSession(sessionId);
      if (session) logCaller(consolePrincipal(session.tenantId));
      const request: ConsoleRequest = {
        routeKey: routed.routeKey,
        method: event.requestContext.http.method.toUpperCase(),
        headers: routed.headers,
        pathParameters: pathParametersOf(event),
        params: formParameters(event, routed.headers),
        cookies,
        ...(session ? { session, sessionId } : {}),
        baseUrl: routed.baseUrl,
        requestId: routed.requestId,
      };
      if (request.method === 'POST') checkFormPost(request, routed.routeKey.startsWith('POST /console/sign-in/') ? 'signIn' : 'session');
      return toApiResult(await routed.route(request));
    },
  });
}

function errorResult(error: RosterError, requestId: string): ConsoleResult {
  if (error instanceof SignInRequired) {
    const company = error.company ? `company=${encodeURIComponent(error.company)}&` : '';
    return redirect(`/console/sign-in?${company}next=${encodeURIComponent(error.next)}`);
  }
  const status = error.status;
  const message = status >= 500 && status !== 503 ? 'Roster could not show this page. Try again in a moment.' : error.message;
  const page = htmlResult(status, <ErrorPage status={status} message={message} requestId={requestId} />);
  return { ...page, headers: { ...page.headers, ...error.headers } };
}

function toApiResult(result: ConsoleResult): ApiResult {
  return { statusCode: result.status, headers: result.headers, ...(result.cookies.length ? { cookies: result.cookies } : {}), ...(result.body ? { body: result.body } : {}) };
}
