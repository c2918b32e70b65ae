import { invalidFilter } from '../../errors.js';
import { findGroupsBy, membersAmong, type GroupKey } from '../../people/groups/group-directory.js';
import type { GroupRecord } from '../../store/groups.js';
import type { Filter } from '../filter/ast.js';
import { findMatching } from '../filter/find-matching.js';
import type { LookupAttribute } from '../filter/plan.js';
import { GROUP_RESOURCE_SCHEMA } from '../schema/resource-schemas.js';
import { toScimGroup } from './group-resource.js';

const GROUP_KEYS: Partial<Record<LookupAttribute, GroupKey>> = { id: 'id', displayName: 'displayName', externalId: 'externalId', memberValue: 'member' };

/**
 * Group filters run as key lookups (displayName, externalId, id, or a member's id through the
 * member's groupIds), then the whole filter is checked on the candidates. Conditions on members
 * are checked against the member ids the filter names (`members[value eq "…"]`), looked up as
 * edges — the member list itself is never read for a filter.
 */
export function findGroupsMatching(tenantId: string, filterText: string): Promise<GroupRecord[]> {
  return findMatching(filterText, GROUP_RESOURCE_SCHEMA, {
    lookUp: (attribute, value) => {
      const key = GROUP_KEYS[attribute];
      if (!key) throw invalidFilter(`Filtering groups by ${attribute} is not supported.`);
      return findGroupsBy(tenantId, key, value);
    },
    toResource: async (group, filter) =>
      toScimGroup(group, '', (await membersAmong(tenantId, group.id, memberValuesNamed(filter))).map((id) => ({ id }))),
  });
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
