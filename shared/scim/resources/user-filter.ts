import { invalidFilter } from '../../errors.js';
import { findTeamMembersBy, type TeamMemberKey } from '../../people/members/team-member-directory.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import { findMatching } from '../filter/find-matching.js';
import type { LookupAttribute } from '../filter/plan.js';
import { USER_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { toScimUser } from './user-resource.js';

const MEMBER_KEYS: Partial<Record<LookupAttribute, TeamMemberKey>> = { id: 'id', userName: 'userName', externalId: 'externalId', email: 'email' };

/** Team members matching a SCIM filter, by key lookups (see find-matching.ts); deleted ones never match. */
export function findTeamMembersMatching(tenantId: string, filterText: string): Promise<TeamMemberRecord[]> {
  return findMatching(filterText, USER_RESOURCE_SCHEMA, {
    lookUp: (attribute, value) => {
      const key = MEMBER_KEYS[attribute];
      if (!key) throw invalidFilter(`Filtering users by ${attribute} is not supported.`);
      return findTeamMembersBy(tenantId, key, value);
    },
    toResource: (member) => toScimUser(member, ''),
  });
}
