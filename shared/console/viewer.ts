import { hasExpired } from '../auth/lifetimes.js';
import type { SessionRecord } from '../auth/console/sessions.js';
import { RosterError } from '../errors.js';
import { isCompanyAdmin } from '../people/company/console-admins.js';
import { personName } from '../people/notifications/new-report.js';
import { getTeamMember, type TeamMemberRecord } from '../store/team-members.js';
import { getTenant, type TenantRecord } from '../store/tenants.js';
import { getToken } from '../store/tokens.js';
import { companySettings } from '../people/company/companies.js';
import type { Viewer } from './components/layout.js';
import type { ConsoleRequest } from './console-types.js';
import { SignInRequired } from './console-handler.js';

export const SUSPENDED_PAGE_MESSAGE =
  'Your company’s Roster account is suspended, so Roster’s pages are closed for now. Nothing was deleted: ask your Roster contact to resume it.';

export interface SignedIn {
  session: SessionRecord;
  company: TenantRecord;
  member?: TeamMemberRecord;
  viewer: Viewer;
}

/** The session's company and person as the page header shows them; sign-in first when there is no session. */
export async function signedIn(request: ConsoleRequest, next: string, { freshCompany = false } = {}): Promise<SignedIn> {
  const session = request.session;
  if (!session) throw new SignInRequired(next, request.params.company);
  const [company, member, tokenValid] = await Promise.all([
    // The header's company name may be 30 s old (the warm function's settings cache) and costs no
    // read; who is an admin is decided on the company as it is now.
    freshCompany ? getTenant(session.tenantId) : companySettings(session.tenantId),
    session.subject.kind === 'member' ? getTeamMember(session.tenantId, session.subject.memberId) : undefined,
    session.subject.kind === 'adminToken' ? adminTokenStillValid(session.tenantId, session.subject.tokenHash) : true,
  ]);
  if (!company) throw new RosterError(403, 'This company no longer exists.');
  // The warm function's settings cache (30 s) bounds how long a suspension takes to reach the console.
  if (company.suspendedAt) throw new RosterError(403, SUSPENDED_PAGE_MESSAGE, { code: 'company_suspended' });
  if (!tokenValid) throw new SignInRequired(next, request.params.company);
  const viewer: Viewer = {
    companyName: company.name,
    personName: member ? personName(member) : 'Admin token',
    csrfToken: session.csrfToken,
    isAdmin: isCompanyAdmin(company, session.subject, member),
  };
  return { session, company, ...(member ? { member } : {}), viewer };
}

/** As signedIn, for the admin pages: anyone else gets a 403 page. */
export async function signedInAdmin(request: ConsoleRequest, next: string): Promise<SignedIn> {
  const who = await signedIn(request, next, { freshCompany: true });
  if (!who.viewer.isAdmin) {
    throw new RosterError(403, 'Only your company’s Roster admins can open this page. Ask one of them to add your work email to the admin emails in the provisioning settings.', {
      code: 'not_admin',
    });
  }
  return who;
}

/**
 * Whether the admin token a session signed in with still lets anyone in: revoked, rotated or
 * expired, it ends the session at the next page (one GetItem, beside the company's read; only
 * sessions signed in with the admin token pay it). A session from before the token was kept signs
 * in again.
 */
async function adminTokenStillValid(tenantId: string, tokenHash: string | undefined): Promise<boolean> {
  if (!tokenHash) return false;
  const token = await getToken(tokenHash);
  return token?.scope === 'admin' && token.tenantId === tenantId && !token.revokedAt && !hasExpired(token.expiresAt);
}
