import { findAdminToken, issueAdminToken, listAdminTokens, newAdminTokenInput, revokeAdminToken, rotateAdminToken } from '../../auth/admin-tokens.js';
import { config } from '../../config.js';
import { htmlResult, redirect } from '../components/layout.js';
import type { ConsoleRequest, ConsoleRoute } from '../console-types.js';
import { AdminTokensPage, NewAdminTokenPage, RevokeAdminTokenPage } from '../pages/admin/admin-tokens-page.js';
import { signedInAdmin, type SignedIn } from '../viewer.js';

const LIST = '/console/admin/admin-tokens';
const idOf = (request: ConsoleRequest) => request.pathParameters.id!;

async function listPage(who: SignedIn, status: number, extra: { notice?: string; problems?: string[]; days?: string } = {}) {
  const tokens = await listAdminTokens(who.session.tenantId);
  return htmlResult(status, <AdminTokensPage viewer={who.viewer} tokens={tokens} maxDays={config().ADMIN_TOKEN_DAYS} cacheSeconds={config().TOKEN_CACHE_SECONDS} {...extra} />);
}

/** The form's lifetime through the admin API's rule: empty is the default, anything else a whole number in range. */
function daysOf(text: string | undefined): { days?: number; problems?: string[] } {
  const given = text?.trim() ? { days: Number(text.trim()) } : {};
  const parsed = newAdminTokenInput().safeParse(given);
  return parsed.success ? { ...(parsed.data.days === undefined ? {} : { days: parsed.data.days }) } : { problems: parsed.error.issues.map((issue) => issue.message) };
}

/** The company's admin tokens, through the same operations as the admin API and the operator's CLI. */
export const adminTokensRoutes = {
  'GET /console/admin/admin-tokens': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const revoked = request.params.revoked;
    return listPage(who, 200, revoked && /^[0-9a-f]{12}$/.test(revoked) ? { notice: `Revoked admin token ${revoked}.` } : {});
  },

  'POST /console/admin/admin-tokens': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const { days, problems } = daysOf(request.params.days);
    if (problems) return listPage(who, 400, { problems, days: request.params.days?.slice(0, 20) ?? '' });
    const issued = await issueAdminToken(who.session.tenantId, days);
    return htmlResult(201, <NewAdminTokenPage viewer={who.viewer} token={issued.token} summary={issued.summary} />);
  },

  'POST /console/admin/admin-tokens/{id}/rotate': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const rotated = await rotateAdminToken(who.session.tenantId, idOf(request));
    return htmlResult(201, <NewAdminTokenPage viewer={who.viewer} token={rotated.token} summary={rotated.summary} replaced={rotated.replaced} />);
  },

  'GET /console/admin/admin-tokens/{id}/revoke': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const token = await findAdminToken(who.session.tenantId, idOf(request));
    return htmlResult(200, <RevokeAdminTokenPage viewer={who.viewer} token={token} cacheSeconds={config().TOKEN_CACHE_SECONDS} />);
  },

  'POST /console/admin/admin-tokens/{id}/revoke': async (request) => {
    const who = await signedInAdmin(request, LIST);
    const revoked = await revokeAdminToken(who.session.tenantId, idOf(request));
    return redirect(`${LIST}?revoked=${encodeURIComponent(revoked.id)}`);
  },
} satisfies Record<string, ConsoleRoute>;
