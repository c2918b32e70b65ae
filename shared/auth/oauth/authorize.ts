import { v7 as uuidv7 } from 'uuid';
import { RosterError, isRosterError } from '../../errors.js';
import { putAuthorizationCode } from '../../store/authorization-codes.js';
import { putConsentTicket, takeConsentTicket, type ConsentTicketRecord } from '../../store/consent-tickets.js';
import { getTenant } from '../../store/tenants.js';
import { authenticateToken } from '../authenticate.js';
import { parseNewConnection } from '../connection-input.js';
import { listActiveConnections, requireActiveConnection, toConnectionView, type ConnectionView } from '../connections.js';
import { expiresAtAfter, hasExpired, lifetimes } from '../lifetimes.js';
import { generateToken, hashToken, sameSecret } from '../tokens.js';
import { checkAuthorizationRequest, redirectWith, type AuthorizationRequest, type Params } from './authorization-request.js';

/**
 * "Authenticate with Roster" (RFC 6749 §4.1), in two steps on Roster's own pages:
 * 1. sign-in: the admin proves they are a tech admin of their company by signing in to the console
 *    (an existing session is reused) or by pasting an admin token (the same credential the admin
 *    API takes, checked by the one token resolver); this names the company, and a single-use
 *    consent ticket (hashed at rest, 10 minutes) carries the request on;
 * 2. consent: "Okta wants to provision team members into <company>": Allow picks or names the
 *    connection and redirects with a single-use code; Deny redirects with access_denied.
 * The ticket works only in the browser that signed in for it (a cookie holds the secret whose hash
 * the ticket keeps): posted from another browser, an attacker's own ticket would send a code for
 * the attacker's company to the victim's Okta (login CSRF).
 */
export type AuthorizeOutcome =
  | { kind: 'sign-in'; request: AuthorizationRequest; error?: string }
  | {
      kind: 'consent';
      request: AuthorizationRequest;
      ticket: string;
      /** The consent cookie's value: the ticket works only where it is sent back. */
      browserBinding: string;
      companyName: string;
      connections: ConnectionView[];
      suggestedName: string;
    }
  | { kind: 'redirect'; location: string };

/** GET /oauth/authorize: the sign-in page, or an error redirect. */
export function startAuthorization(params: Params): AuthorizeOutcome {
  const checked = checkAuthorizationRequest(params);
  return checked.ok ? { kind: 'sign-in', request: checked.request } : { kind: 'redirect', location: checked.redirect };
}

/** POST /oauth/authorize: the sign-in form, or the consent form (it carries a consent ticket). */
export async function continueAuthorization(params: Params, browserBinding: string | undefined): Promise<AuthorizeOutcome> {
  if (params.consent_ticket !== undefined) return decide(params, browserBinding);
  const checked = checkAuthorizationRequest(params);
  if (!checked.ok) return { kind: 'redirect', location: checked.redirect };
  const { request } = checked;
  if (params.decision === 'deny') return deny(request);
  return signIn(request, params.admin_token?.trim() ?? '');
}

async function signIn(request: AuthorizationRequest, adminToken: string): Promise<AuthorizeOutcome> {
  if (!adminToken) return { kind: 'sign-in', request, error: 'Paste an admin token to continue.' };
  let tenantId: string;
  try {
    ({ tenantId } = await authenticateToken(adminToken, 'admin'));
  } catch (error) {
    if (isRosterError(error) && (error.status === 401 || error.status === 403)) {
      return { kind: 'sign-in', request, error: 'That is not a valid Roster admin token.' };
    }
    throw error;
  }
  return (await consentFor(request, tenantId)) ?? { kind: 'sign-in', request, error: 'That is not a valid Roster admin token.' };
}

/**
 * "Sign in to Roster" instead of pasting a token: the console session of one of the company's
 * admins names the company, and the consent page follows at once.
 */
export async function authorizeAsSignedInAdmin(params: Params, tenantId: string): Promise<AuthorizeOutcome> {
  const checked = checkAuthorizationRequest(params);
  if (!checked.ok) return { kind: 'redirect', location: checked.redirect };
  const consent = await consentFor(checked.request, tenantId);
  if (!consent) throw new RosterError(403, 'This company no longer exists.');
  return consent;
}

/** The consent page for a company, and the single-use ticket bound to this browser that carries the request on. */
async function consentFor(request: AuthorizationRequest, tenantId: string): Promise<AuthorizeOutcome | undefined> {
  const [company, connections] = await Promise.all([getTenant(tenantId), listActiveConnections(tenantId)]);
  if (!company) return undefined;
  const ticket = generateToken('consent');
  const browserBinding = generateToken('state');
  await putConsentTicket({
    ticketHash: hashToken(ticket),
    tenantId,
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    state: request.state,
    codeChallenge: request.codeChallenge,
    browserHash: hashToken(browserBinding),
    createdAt: new Date().toISOString(),
    expiresAt: expiresAtAfter(lifetimes.consentTicketSeconds),
  });
  return {
    kind: 'consent',
    request,
    ticket,
    browserBinding,
    companyName: company.name,
    connections: connections.map(toConnectionView),
    suggestedName: request.appName ? `Okta (${request.appName})` : 'Okta',
  };
}

async function decide(params: Params, browserBinding: string | undefined): Promise<AuthorizeOutcome> {
  const ticket = await takeConsentTicket(hashToken(params.consent_ticket ?? ''));
  if (!ticket || hasExpired(ticket.expiresAt)) {
    throw new RosterError(400, 'This consent page has expired or was already used. Start again from Okta.', { code: 'invalid_request' });
  }
  // Checked after the ticket is taken: a ticket posted from the wrong browser is spent either way.
  if (!browserBinding || !ticket.browserHash || !sameSecret(hashToken(browserBinding), ticket.browserHash)) {
    throw new RosterError(403, 'This consent page was not opened in this browser. Start again from Okta.', { code: 'invalid_request' });
  }
  const request: AuthorizationRequest = { clientId: ticket.clientId, redirectUri: ticket.redirectUri, state: ticket.state, codeChallenge: ticket.codeChallenge };
  if (params.decision !== 'allow') return deny(request);
  const connection = await chosenConnection(ticket, params);
  const code = generateToken('code');
  await putAuthorizationCode({
    codeHash: hashToken(code),
    tenantId: ticket.tenantId,
    connectionId: connection.id,
    newConnectionName: connection.newName,
    grantId: uuidv7(),
    clientId: ticket.clientId,
    redirectUri: ticket.redirectUri,
    codeChallenge: ticket.codeChallenge,
    createdAt: new Date().toISOString(),
    expiresAt: expiresAtAfter(lifetimes.authorizationCodeSeconds),
  });
  return { kind: 'redirect', location: redirectWith(ticket.redirectUri, { code, state: ticket.state }) };
}

/**
 * An existing connection of the company (re-authenticating an Okta instance), or a new one, which
 * is created only when the code is exchanged, so an abandoned sign-in leaves nothing behind.
 */
async function chosenConnection(ticket: ConsentTicketRecord, params: Params): Promise<{ id: string; newName?: string }> {
  if (params.connection && params.connection !== 'new') {
    return { id: (await requireActiveConnection(ticket.tenantId, params.connection)).id };
  }
  const { name } = parseNewConnection({ name: params.connection_name || 'Okta', source: 'okta' });
  return { id: uuidv7(), newName: name };
}

function deny(request: AuthorizationRequest): AuthorizeOutcome {
  return {
    kind: 'redirect',
    location: redirectWith(request.redirectUri, { error: 'access_denied', error_description: 'The admin denied access.', state: request.state }),
  };
}
