import { lifetimes } from '../../auth/lifetimes.js';
import { endSession } from '../../auth/console/sessions.js';
import { RosterError } from '../../errors.js';
import { getTenant } from '../../store/tenants.js';
import { clearCookie, COOKIES, setCookie } from '../cookies.js';
import { htmlResult, redirect } from '../components/layout.js';
import type { ConsoleRequest, ConsoleResult, ConsoleRoute } from '../console-types.js';
import { formToken, safeNext } from '../form-token.js';
import { CheckEmailPage, ConfirmLinkPage, SignInPage, type SignInCompany } from '../pages/sign-in-page.js';
import { signInWithAdminToken } from '../sign-in/admin-token.js';
import { sendSignInLink, signInWithLink } from '../sign-in/email-link.js';

// openid-client (~30 KB) serves only the two OpenID sign-in routes: it loads with the first of them.
const oidcSignIn = () => import('../sign-in/oidc.js');
const consoleBase = (request: ConsoleRequest) => `${request.baseUrl}/console`;
const callbackUrl = (request: ConsoleRequest) => `${consoleBase(request)}/sign-in/oidc/callback`;

async function companyFor(id: string | undefined): Promise<SignInCompany | undefined> {
  const tenantId = id?.trim();
  if (!tenantId || tenantId.length > 100) return undefined;
  const company = await getTenant(tenantId);
  return company ? { id: company.tenantId, name: company.name, hasIdentityProvider: Boolean(company.oidc) } : undefined;
}

async function signInPage(request: ConsoleRequest, status = 200, error?: string, tokenFormOpen = false): Promise<ConsoleResult> {
  const next = safeNext(request.params.next);
  const company = await companyFor(request.params.company);
  const unknown = request.params.company && !company ? 'Roster knows no company with this id. Check the id and try again.' : undefined;
  const form = formToken(request);
  return htmlResult(unknown ? 404 : status, <SignInPage company={company} next={next} formToken={form.token} error={error ?? unknown} tokenFormOpen={tokenFormOpen} />, form.cookies);
}

/** A new session: its cookie replaces any earlier one, and the sign-in form's cookie is spent. */
function signedIn(sessionId: string, next: string): ConsoleResult {
  return redirect(safeNext(next), [setCookie(COOKIES.session, sessionId, lifetimes.sessionAbsoluteSeconds), clearCookie(COOKIES.form)]);
}

export const signInRoutes = {
  'GET /console': async (request) => redirect(request.session ? '/console/team' : '/console/sign-in'),

  'GET /console/sign-in': (request) => signInPage(request),

  'POST /console/sign-in/email': async (request) => {
    const company = await companyFor(request.params.company);
    if (!company) return signInPage(request, 404);
    const email = (request.params.email ?? '').trim();
    if (!email.includes('@') || email.length > 254) return signInPage(request, 400, 'Enter your work email address.');
    await sendSignInLink({ tenantId: company.id, email, next: safeNext(request.params.next), consoleBaseUrl: consoleBase(request) });
    return htmlResult(200, <CheckEmailPage companyName={company.name} email={email} />);
  },

  'GET /console/sign-in/link': async (request) => {
    const company = await companyFor(request.params.company);
    if (!company || !request.params.token) return signInPage(request, 400, 'This sign-in link is incomplete. Ask for a new one.');
    const form = formToken(request);
    return htmlResult(200, <ConfirmLinkPage company={company} token={request.params.token} formToken={form.token} />, form.cookies);
  },

  'POST /console/sign-in/link': async (request) => {
    const started = await signInWithLink({ tenantId: request.params.company ?? '', link: request.params.token ?? '', replacingSessionId: request.sessionId });
    return signedIn(started.sessionId, started.next);
  },

  'POST /console/sign-in/admin-token': async (request) => {
    try {
      const started = await signInWithAdminToken({ token: request.params.admin_token ?? '', replacingSessionId: request.sessionId });
      return signedIn(started.sessionId, request.params.next ?? '');
    } catch (error) {
      if (error instanceof RosterError && error.status === 401) return signInPage(request, 401, 'That admin token is not valid (or was revoked).', true);
      throw error;
    }
  },

  'GET /console/sign-in/oidc': async (request) => {
    const company = await companyFor(request.params.company);
    if (!company) return signInPage(request, 404);
    const { beginOidcSignIn } = await oidcSignIn();
    const { location, browserBinding } = await beginOidcSignIn({ tenantId: company.id, next: safeNext(request.params.next), redirectUri: callbackUrl(request) });
    return redirect(location, [setCookie(COOKIES.oidc, browserBinding, lifetimes.oidcAttemptSeconds)]);
  },

  'GET /console/sign-in/oidc/callback': async (request) => {
    const url = new URL(callbackUrl(request));
    for (const [name, value] of Object.entries(request.params)) url.searchParams.set(name, value);
    const { finishOidcSignIn } = await oidcSignIn();
    const started = await finishOidcSignIn({ callbackUrl: url, browserBinding: request.cookies[COOKIES.oidc], replacingSessionId: request.sessionId });
    const result = signedIn(started.sessionId, started.next);
    return { ...result, cookies: [...result.cookies, clearCookie(COOKIES.oidc)] };
  },

  'POST /console/sign-out': async (request) => {
    if (request.sessionId) await endSession(request.sessionId);
    return redirect('/console/sign-in', [clearCookie(COOKIES.session)]);
  },
} satisfies Record<string, ConsoleRoute>;
