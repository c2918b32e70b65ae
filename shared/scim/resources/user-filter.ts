import { invalidFilter } from '../../errors.js';
import { USER_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { toScimUser } from './user-resource.js';
import {
  findTeamMembersByIdentifier,
  findTeamMembersByExternalId,
  findTeamMembersByUserName,
  getTeamMember,
  type TeamMemberRecord,
} from '../../store/team-members.js';
import { findMatching } from '../filter/find-matching.js';
import { identifier } from '../../people/members/normalize-profile.js';

/** Team members matching a SCIM filter, by key lookups (see find-matching.ts); deleted ones never match. */
export function findTeamMembersMatching(tenantId: string, filterText: string): Promise<TeamMemberRecord[]> {
  return findMatching(filterText, USER_RESOURCE_SCHEMA, {
    lookUp: async (attribute, value) => (await lookUp(tenantId, attribute, value)).filter((member) => !member.deletedAt),
    toResource: (member) => toScimUser(member, ''),
  });
}

async function lookUp(tenantId: string, attribute: string, value: string): Promise<TeamMemberRecord[]> {
  switch (attribute) {
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
    default:
      throw invalidFilter(`Filtering users by ${attribute} is not supported.`);
  }
}
