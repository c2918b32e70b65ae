import * as openid from 'openid-client';
import { startSession } from '../../auth/console/sessions.js';
import { expiresAtAfter, hasExpired, lifetimes } from '../../auth/lifetimes.js';
import { generateToken, hashToken, sameSecret } from '../../auth/tokens.js';
import { config } from '../../config.js';
import { RosterError } from '../../errors.js';
import { log } from '../../log.js';
import { activeMemberWithWorkEmail } from '../../people/members/find-by-work-email.js';
import { putOidcAttempt, takeOidcAttempt } from '../../store/console-sessions.js';
import { getTenant, type TenantRecord } from '../../store/tenants.js';

const DISCOVERY_CACHE_MS = 10 * 60 * 1000;
const discovered = new Map<string, { configuration: Promise<openid.Configuration>; until: number }>();

/**
 * Sign-in with the company's identity provider: OpenID Connect authorization code flow with PKCE
 * (S256), state and nonce, through openid-client (a certified relying party). Roster is a public
 * client, so there is no client secret to keep. The attempt is stored under the state's hash and
 * bound to the browser by a cookie, so a callback carried to another browser does not sign it in.
 */
export async function beginOidcSignIn(input: { tenantId: string; next: string; redirectUri: string }) {
  const company = await companyWithOidc(input.tenantId);
  const configuration = await discover(company.oidc!);
  const codeVerifier = openid.randomPKCECodeVerifier();
  const state = openid.randomState();
  const nonce = openid.randomNonce();
  const browserBinding = generateToken('state');
  await putOidcAttempt({
    stateHash: hashToken(state),
    tenantId: input.tenantId,
    codeVerifier,
    nonce,
    browserHash: hashToken(browserBinding),
    next: input.next,
    createdAt: new Date().toISOString(),
    expiresAt: expiresAtAfter(lifetimes.oidcAttemptSeconds),
  });
  const location = openid.buildAuthorizationUrl(configuration, {
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location: location.href, browserBinding };
}

/**
 * The identity provider's callback: the attempt is taken (once), the browser checked, the code
 * exchanged and the ID token verified by openid-client; the person is the active member whose work
 * email the provider says it verified.
 */
export async function finishOidcSignIn(input: { callbackUrl: URL; browserBinding: string | undefined; replacingSessionId?: string }) {
  const state = input.callbackUrl.searchParams.get('state');
  const attempt = state ? await takeOidcAttempt(hashToken(state)) : undefined;
  if (!attempt || hasExpired(attempt.expiresAt)) throw refused('This sign-in has expired or was already used. Start again.');
  if (!input.browserBinding || !sameSecret(hashToken(input.browserBinding), attempt.browserHash)) {
    throw refused('This sign-in was started in another browser. Start again here.');
  }
  const providerError = input.callbackUrl.searchParams.get('error');
  if (providerError) throw refused(`Your identity provider did not sign you in (${providerError}).`);
  const company = await companyWithOidc(attempt.tenantId);
  let claims: Record<string, unknown> | undefined;
  try {
    const configuration = await discover(company.oidc!);
    const tokens = await openid.authorizationCodeGrant(configuration, input.callbackUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: state!,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    // Many providers put the email in the ID token; the others (OpenID Connect Core §5.4) answer it
    // from the UserInfo endpoint, for the same subject.
    claims = typeof idToken.email === 'string' ? { ...idToken } : { ...(await openid.fetchUserInfo(configuration, tokens.access_token, idToken.sub)) };
  } catch (error) {
    log('warn', 'OpenID sign-in failed', { tenantId: attempt.tenantId, reason: (error as Error).name });
    throw refused('Your identity provider’s answer could not be verified. Start again.');
  }
  const email = typeof claims?.email === 'string' ? claims.email : undefined;
  if (!email || claims?.email_verified !== true) throw refused('Your identity provider did not share a verified email address, so Roster cannot tell who you are.');
  const member = await activeMemberWithWorkEmail(attempt.tenantId, email);
  if (!member) throw refused(`${company.name} has no active team member with the work email your identity provider gave.`);
  const started = await startSession(attempt.tenantId, { kind: 'member', memberId: member.id }, 'oidc', input.replacingSessionId);
  return { ...started, next: attempt.next };
}

async function companyWithOidc(tenantId: string): Promise<TenantRecord> {
  const company = await getTenant(tenantId);
  if (!company?.oidc) throw new RosterError(404, 'This company has not set up sign-in with its identity provider.', { code: 'oidc_not_configured' });
  return company;
}

function discover({ issuer, clientId }: { issuer: string; clientId: string }): Promise<openid.Configuration> {
  const key = `${issuer} ${clientId}`;
  const hit = discovered.get(key);
  if (hit && hit.until > Date.now()) return hit.configuration;
  const insecure = config().CONSOLE_ALLOW_HTTP_ISSUERS && new URL(issuer).protocol === 'http:';
  const configuration = openid.discovery(new URL(issuer), clientId, undefined, openid.None(), insecure ? { execute: [openid.allowInsecureRequests] } : undefined);
  discovered.set(key, { configuration, until: Date.now() + DISCOVERY_CACHE_MS });
  configuration.catch(() => discovered.delete(key));
  return configuration;
}

const refused = (message: string) => new RosterError(400, message, { code: 'sign_in_failed' });
