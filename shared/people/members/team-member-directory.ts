import { readCount } from '../../store/counters.js';
import {
  findTeamMembersByExternalId,
  findTeamMembersByIdentifier,
  findTeamMembersByUserName,
  getTeamMember,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { fullNameKey } from '../../profile/names.js';
import { identifier } from './member-identifiers.js';

export { listTeamMembersByCursor, listTeamMembersByIndex } from '../../store/team-members.js';

/** The keys a member can be found by without a scan. */
export type TeamMemberKey = 'id' | 'userName' | 'externalId' | 'email';

export const countTeamMembers = (tenantId: string): Promise<number> => readCount(tenantId, 'users');

/** Members known by one key (userName and email case-insensitively); deleted members are never found. */
export async function findTeamMembersBy(tenantId: string, key: TeamMemberKey, value: string): Promise<TeamMemberRecord[]> {
  return (await lookUp(tenantId, key, value)).filter((member) => !member.deletedAt);
}

async function lookUp(tenantId: string, key: TeamMemberKey, value: string): Promise<TeamMemberRecord[]> {
  switch (key) {
    case 'id': {
      const member = await getTeamMember(tenantId, value);
      return member ? [member] : [];
    }
    case 'userName':
      return findTeamMembersByUserName(tenantId, value);
    case 'externalId':
      return findTeamMembersByExternalId(tenantId, value);
    case 'email':
      return findTeamMembersByIdentifier(tenantId, identifier.email(value));
  }
}

/**
 * The console's member search: an email (primary or any of a member's addresses) or a full name,
 * each a lookup of the identifier edges written when the member was provisioned — never a scan.
 */
export async function searchTeamMembers(tenantId: string, text: string): Promise<TeamMemberRecord[]> {
  const query = text.trim();
  if (!query) return [];
  if (query.includes('@')) return findTeamMembersBy(tenantId, 'email', query);
  const key = fullNameKey(query);
  return key ? (await findTeamMembersByIdentifier(tenantId, identifier.fullName(key))).filter((member) => !member.deletedAt) : [];
}
