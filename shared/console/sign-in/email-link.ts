import { createHash } from 'node:crypto';
import { startSession } from '../../auth/console/sessions.js';
import { expiresAtAfter, hasExpired, lifetimes } from '../../auth/lifetimes.js';
import { generateToken, hashToken } from '../../auth/tokens.js';
import { RosterError } from '../../errors.js';
import { log } from '../../log.js';
import { sesMailer, type Mailer } from '../../mail/ses-mailer.js';
import { renderSignInLink } from '../../mail/sign-in-link.js';
import { activeMemberWithWorkEmail } from '../../people/members/find-by-work-email.js';
import { greetingName } from '../../people/notifications/new-report.js';
import { putSignInLink, takeSignInLink } from '../../store/console-sessions.js';
import { takeFromWindow } from '../../store/rate-limits.js';
import { getTeamMember } from '../../store/team-members.js';
import { getTenant } from '../../store/tenants.js';

/** Links one address may be sent per hour, and one company's people together. */
export const SIGN_IN_LINK_LIMITS = { perAddressPerHour: 5, perCompanyPerHour: 200 } as const;

/**
 * "Email me a sign-in link". The caller always shows the same answer, whether or not the address
 * belongs to an active member of the company, so the form tells nobody who works there. A link is
 * sent only to a work email of an active member; it is stored hashed, works once, for 15 minutes.
 * Past either rate limit nothing is sent (and the answer is still the same).
 */
export async function sendSignInLink(
  input: { tenantId: string; email: string; next: string; consoleBaseUrl: string },
  mailer: Mailer = sesMailer(),
): Promise<void> {
  const company = await getTenant(input.tenantId);
  if (!company) throw unknownCompany();
  const address = input.email.trim().toLowerCase();
  const window = currentHour();
  const addressKey = createHash('sha256').update(address, 'utf8').digest('hex');
  const allowed =
    (await takeFromWindow(input.tenantId, `signin-address#${addressKey}`, window, SIGN_IN_LINK_LIMITS.perAddressPerHour)) &&
    (await takeFromWindow(input.tenantId, 'signin-company', window, SIGN_IN_LINK_LIMITS.perCompanyPerHour));
  if (!allowed) {
    log('warn', 'sign-in link rate limit reached', { tenantId: input.tenantId });
    return;
  }
  const member = await activeMemberWithWorkEmail(input.tenantId, address);
  if (!member) return;
  const link = generateToken('signin');
  await putSignInLink({
    linkHash: hashToken(link),
    tenantId: input.tenantId,
    memberId: member.id,
    next: input.next,
    createdAt: new Date().toISOString(),
    expiresAt: expiresAtAfter(lifetimes.signInLinkSeconds),
  });
  const url = `${input.consoleBaseUrl}/sign-in/link?company=${encodeURIComponent(input.tenantId)}&token=${encodeURIComponent(link)}`;
  const mail = renderSignInLink({ companyName: company.name, personName: greetingName(member), link: url, minutes: lifetimes.signInLinkSeconds / 60 });
  await mailer.send({ ...mail, to: address });
}

/**
 * Uses a sign-in link: it is taken from the table first (so it works once, even if two tabs race),
 * then checked — not expired, for this company, its person still an active member.
 */
export async function signInWithLink(input: { tenantId: string; link: string; replacingSessionId?: string }) {
  const record = input.link.startsWith('roster_signin_') ? await takeSignInLink(hashToken(input.link)) : undefined;
  if (!record || hasExpired(record.expiresAt)) throw unusableLink('This sign-in link was already used or has expired. Ask for a new one.');
  if (record.tenantId !== input.tenantId) throw unusableLink('This sign-in link is for another company.');
  const member = await getTeamMember(record.tenantId, record.memberId);
  if (!member || !member.active || member.deletedAt) throw unusableLink('This person is no longer an active team member of the company.');
  const started = await startSession(record.tenantId, { kind: 'member', memberId: member.id }, 'emailLink', input.replacingSessionId);
  return { ...started, next: record.next };
}

function currentHour() {
  const seconds = 3600;
  return { start: Math.floor(Date.now() / 1000 / seconds) * seconds, seconds };
}

const unknownCompany = () => new RosterError(404, 'Roster knows no company with this id. Check the company id your admin gave you.', { code: 'unknown_company' });
const unusableLink = (message: string) => new RosterError(400, message, { code: 'link_unusable' });
