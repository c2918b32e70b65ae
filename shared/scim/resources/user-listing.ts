import { countTeamMembers, listTeamMembersByCursor, listTeamMembersByIndex } from '../../people/members/team-member-directory.js';
import type { TeamMemberRecord } from '../../store/team-members.js';
import type { ListSource } from '../list-page.js';
import type { ScimContext } from '../resource-type.js';
import { findTeamMembersMatching } from './user-filter.js';

/** The company's team members as a SCIM list: by filter, by cursor, by startIndex, and their count. */
export const userListSource = ({ principal: { tenantId } }: ScimContext): ListSource<TeamMemberRecord> => ({
  matching: (filter) => findTeamMembersMatching(tenantId, filter),
  total: () => countTeamMembers(tenantId),
  byCursor: (cursor, count) => listTeamMembersByCursor(tenantId, cursor, count),
  byIndex: (startIndex, count) => listTeamMembersByIndex(tenantId, startIndex, count),
});
