import { findTeamMembersByIdentifier, type TeamMemberRecord } from '../../store/team-members.js';
import { identifier } from './member-identifiers.js';

type Email = { value?: string; type?: string; primary?: boolean };

/**
 * The active member whose work email (primary, or of type work) this is — not a private address,
 * which the identity provider does not vouch for. One query on the email's identifier edges.
 */
export async function activeMemberWithWorkEmail(tenantId: string, email: string): Promise<TeamMemberRecord | undefined> {
  const address = email.trim().toLowerCase();
  if (!address.includes('@')) return undefined;
  const candidates = await findTeamMembersByIdentifier(tenantId, identifier.email(address));
  return candidates.find((member) => member.active && !member.deletedAt && workEmailsOf(member).includes(address));
}

/** A member's work addresses (primary, or of type work), lower case. */
export function workEmailsOf(member: TeamMemberRecord): string[] {
  return ((member.attributes.emails ?? []) as Email[])
    .filter((candidate) => candidate.value && (candidate.primary || candidate.type === 'work'))
    .map((candidate) => candidate.value!.trim().toLowerCase());
}
