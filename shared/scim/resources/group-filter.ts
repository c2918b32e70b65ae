import { invalidFilter } from '../../errors.js';
import type { Filter } from '../filter/ast.js';
import { toScimGroup } from './group-resource.js';
import { GROUP_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { findGroupsByDisplayName, findGroupsByExternalId, getGroup, getGroups, type GroupRecord } from '../../store/groups.js';
import { membershipState } from '../../store/memberships.js';
import { getTeamMember } from '../../store/team-members.js';
import { findMatching } from '../filter/find-matching.js';

/**
 * Group filters run as key lookups (displayName, externalId, id, or a member's id through the
 * member's groupIds), then the whole filter is checked on the candidates. Conditions on members
 * are checked against the member ids the filter names (`members[value eq "…"]`), looked up as
 * edges — the member list itself is never read for a filter.
 */
export function findGroupsMatching(tenantId: string, filterText: string): Promise<GroupRecord[]> {
  return findMatching(filterText, GROUP_RESOURCE_SCHEMA, {
    lookUp: (attribute, value) => lookUp(tenantId, attribute, value),
    toResource: async (group, filter) => {
      const named = memberValuesNamed(filter);
      const members = named.length ? [...(await membershipState(tenantId, group.id, { users: [], members: named })).members] : [];
      return toScimGroup(group, '', members);
    },
  });
}

async function lookUp(tenantId: string, attribute: string, value: string): Promise<GroupRecord[]> {
  switch (attribute) {
    case 'id': {
      const group = await getGroup(tenantId, value);
      return group ? [group] : [];
    }
    case 'displayName':
      return findGroupsByDisplayName(tenantId, value);
    case 'externalId':
      return findGroupsByExternalId(tenantId, value);
    case 'memberValue': {
      const member = await getTeamMember(tenantId, value);
      return member && !member.deletedAt ? getGroups(tenantId, member.groupIds) : [];
    }
    default:
      throw invalidFilter(`Filtering groups by ${attribute} is not supported.`);
  }
}

/** The member ids a filter compares with `eq` (members.value eq "x", members[value eq "x"]). */
function memberValuesNamed(filter: Filter, insideMembers = false): string[] {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return [...memberValuesNamed(filter.left, insideMembers), ...memberValuesNamed(filter.right, insideMembers)];
    case 'not':
      return memberValuesNamed(filter.filter, insideMembers);
    case 'valuePath':
      return filter.path.attribute.toLowerCase() === 'members' ? memberValuesNamed(filter.filter, true) : [];
    case 'comparison': {
      const { path } = filter;
      const isMemberValue = insideMembers
        ? path.attribute.toLowerCase() === 'value'
        : path.attribute.toLowerCase() === 'members' && (path.subAttribute ?? 'value').toLowerCase() === 'value';
      return isMemberValue && filter.operator === 'eq' && typeof filter.value === 'string' ? [filter.value] : [];
    }
    default:
      return [];
  }
}
