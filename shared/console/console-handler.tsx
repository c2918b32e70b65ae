import middy from '@middy/core';
import { resumeSession } from '../auth/console/sessions.js';
import { notFound, RosterError } from '../errors.js';
import { formParameters } from '../http/form-parameters.js';
import { errorHandler, requestLog } from '../http/middleware.js';
import { pathParametersOf } from '../http/path-parameters.js';
import { baseUrlOf, lowerCaseHeaders, requestIdOf, type RosterContext } from '../http/request-context.js';
import type { ApiEvent, ApiResult } from '../http/types.js';
import { htmlResult, redirect } from './components/layout.js';
import { COOKIES, cookiesOf } from './cookies.js';
import type { ConsoleRequest, ConsoleResult, ConsoleRoute } from './console-types.js';
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
 * The console's middy stack: cookies and form parsed, the session resumed, every POST checked for
 * its origin and CSRF token before the route runs; errors become an HTML page (or a redirect to
 * sign-in), never JSON or a stack trace. One structured log line per request.
 */
export function consoleHandler(routes: Record<string, ConsoleRoute>) {
  return middy<ApiEvent, ApiResult, Error, RosterContext>()
    .use(requestLog('console'))
    .use(errorHandler((error, request, requestId) => toApiResult(errorResult(error, requestId))))
    .handler(async (event, context) => {
      const route = routes[event.routeKey];
      if (!route) throw notFound(`No page at ${event.rawPath}.`);
      const headers = lowerCaseHeaders(event.headers);
      const cookies = cookiesOf(event);
      const sessionId = cookies[COOKIES.session];
      const session = await resumeSession(sessionId);
      if (context.roster && session) context.roster.principal = { tenantId: session.tenantId, connectionId: 'console', scope: 'admin' };
      const request: ConsoleRequest = {
        routeKey: event.routeKey,
        method: event.requestContext.http.method.toUpperCase(),
        headers,
        pathParameters: pathParametersOf(event),
        params: formParameters(event, headers),
        cookies,
        ...(session ? { session, sessionId } : {}),
        baseUrl: baseUrlOf(event, headers),
        requestId: requestIdOf(event, context),
      };
      if (request.method === 'POST') checkFormPost(request, event.routeKey.startsWith('POST /console/sign-in/') ? 'signIn' : 'session');
      return toApiResult(await route(request));
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
