import { readCount } from '../../store/counters.js';
import { findGroupsByDisplayName, findGroupsByExternalId, getGroup, getGroups, type GroupRecord } from '../../store/groups.js';
import { membershipState } from '../../store/memberships.js';
import { getTeamMember } from '../../store/team-members.js';

export { getGroups, listGroupsByCursor, listGroupsByIndex } from '../../store/groups.js';

/** The keys a group can be found by without a scan; `member` finds the groups of one member. */
export type GroupKey = 'id' | 'displayName' | 'externalId' | 'member';

export const countGroups = (tenantId: string): Promise<number> => readCount(tenantId, 'groups');

export async function findGroupsBy(tenantId: string, key: GroupKey, value: string): Promise<GroupRecord[]> {
  switch (key) {
    case 'id': {
      const group = await getGroup(tenantId, value);
      return group ? [group] : [];
    }
    case 'displayName':
      return findGroupsByDisplayName(tenantId, value);
    case 'externalId':
      return findGroupsByExternalId(tenantId, value);
    case 'member': {
      const member = await getTeamMember(tenantId, value);
      return member && !member.deletedAt ? getGroups(tenantId, member.groupIds) : [];
    }
  }
}

/** Which of `memberIds` are members of the group, read as edges (never the whole member list). */
export async function membersAmong(tenantId: string, groupId: string, memberIds: string[]): Promise<string[]> {
  if (!memberIds.length) return [];
  return [...(await membershipState(tenantId, groupId, { users: [], members: memberIds })).members];
}
