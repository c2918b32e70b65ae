import type { SessionSubject } from '../../store/console-sessions.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import type { TenantRecord } from '../../store/tenants.js';
import { workEmailsOf } from '../members/find-by-work-email.js';

/**
 * Who may use the console's admin pages: whoever signed in with the company's admin token, and
 * active team members one of whose work emails the company lists in its settings (`adminEmails`).
 * Work emails only, because those are the addresses the identity provider vouches for at sign-in.
 */
export function isCompanyAdmin(company: TenantRecord, subject: SessionSubject, member: TeamMemberRecord | undefined): boolean {
  if (subject.kind === 'adminToken') return true;
  if (!member || !member.active || member.deletedAt || member.id !== subject.memberId) return false;
  const admins = new Set(company.adminEmails ?? []);
  return workEmailsOf(member).some((email) => admins.has(email));
}
