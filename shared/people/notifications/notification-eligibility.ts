import { domainAllowed } from '../../profile/email.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import type { TenantRecord } from '../../store/tenants.js';

/** Why a manager's digest went out to nobody. */
export type DigestSkip =
  | 'companySuspended'
  | 'settingOff'
  | 'managerMissing'
  | 'managerInactive'
  | 'managerWithoutEmail'
  | 'managerOutsideDomains'
  | 'noNewReports'
  | 'teamNotRecorded';

export type DigestDecision = { send: TeamMemberRecord[]; to: string } | { skip: DigestSkip };

type Email = { value?: string; type?: string; primary?: boolean };

/** A member's work email: the primary one, else the first of type work. */
export function workEmail(member: TeamMemberRecord): string | undefined {
  const emails = (member.attributes.emails ?? []) as Email[];
  const chosen = emails.find((email) => email.primary) ?? emails.find((email) => email.type === 'work');
  return chosen?.value?.trim() || undefined;
}

const present = (member: TeamMemberRecord) => member.active && !member.deletedAt;

/**
 * The article's rule, checked when the digest is sent (so a group push that lands within the
 * debounce counts): only the direct manager, when the company notifies managers on import, the
 * manager is active and has a work email, and the manager's team is recorded — at least one active
 * direct report, the new ones included, has data capture active. The digest lists the queued
 * members who are still active and still report to this manager.
 */
export function digestDecision(input: {
  company: TenantRecord | undefined;
  manager: TeamMemberRecord | undefined;
  queued: TeamMemberRecord[];
  directReports: TeamMemberRecord[];
}): DigestDecision {
  const { company, manager } = input;
  // Roster acts for no suspended company (its requests are refused too): what was queued before
  // the suspension goes out to nobody, and the member's history says why.
  if (company?.suspendedAt) return { skip: 'companySuspended' };
  if (!company?.notifyManagersOnImport) return { skip: 'settingOff' };
  if (!manager) return { skip: 'managerMissing' };
  if (!present(manager)) return { skip: 'managerInactive' };
  const to = workEmail(manager);
  if (!to) return { skip: 'managerWithoutEmail' };
  // Roster mails only addresses at the company's verified domains (never a pending or removed one):
  // otherwise a company could make Roster's sender write to anyone.
  if (!domainAllowed(to, company.domains, { allowSubdomains: company.allowSubdomains === true })) return { skip: 'managerOutsideDomains' };
  const newReports = input.queued.filter((member) => present(member) && member.managerId === manager.id);
  if (!newReports.length) return { skip: 'noNewReports' };
  // The queued members were read consistently; the reports index may lag behind them.
  const team = new Map(input.directReports.filter((report) => report.managerId === manager.id).map((report) => [report.id, report]));
  for (const member of newReports) team.set(member.id, member);
  const recorded = [...team.values()].some((report) => present(report) && report.effective?.dataCaptureActive);
  if (!recorded) return { skip: 'teamNotRecorded' };
  return { send: newReports, to };
}
