import { findTeamMembersByIdentifier, type TeamMemberRecord } from '../../store/team-members.js';
import { identifier } from './normalize-profile.js';

type Email = { value?: string; type?: string; primary?: boolean };

/**
 * The active member whose work email (primary, or of type work) this is — not a private address,
 * which the identity provider does not vouch for. One query on the email's identifier edges.
 */
export async function activeMemberWithWorkEmail(tenantId: string, email: string): Promise<TeamMemberRecord | undefined> {
  const address = email.trim().toLowerCase();
  if (!address.includes('@')) return undefined;
  const candidates = await findTeamMembersByIdentifier(tenantId, identifier.email(address));
  return candidates.find(
    (member) =>
      member.active &&
      !member.deletedAt &&
      ((member.attributes.emails ?? []) as Email[]).some(
        (candidate) => candidate.value?.trim().toLowerCase() === address && (candidate.primary || candidate.type === 'work'),
      ),
  );
}
