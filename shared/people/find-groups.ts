import { invalidFilter } from '../errors.js';
import type { Filter } from '../scim/filter/ast.js';
import { matchesFilter } from '../scim/filter/evaluate.js';
import { parseFilter } from '../scim/filter/parse.js';
import { planFilter, unsupportedFilterError } from '../scim/filter/plan.js';
import { toScimGroup } from '../scim/group-resource.js';
import { GROUP_RESOURCE_SCHEMA } from '../scim/schema/resource-schemas.js';
import { findGroupsByDisplayName, findGroupsByExternalId, getGroup, getGroups, type GroupRecord } from '../store/groups.js';
import { membershipState } from '../store/memberships.js';
import { getTeamMember } from '../store/team-members.js';

/**
 * Group filters run as key lookups (displayName, externalId, id, or a member's id through the
 * member's groupIds), then the whole filter is checked on the candidates. Conditions on members
 * are checked against the member ids the filter names (`members[value eq "…"]`), looked up as
 * edges — the member list itself is never read for a filter.
 */
export async function findGroupsMatching(tenantId: string, filterText: string): Promise<GroupRecord[]> {
  const filter = parseFilter(filterText);
  const plan = planFilter(filter, GROUP_RESOURCE_SCHEMA);
  if (plan.kind === 'unsupported') throw unsupportedFilterError(plan.reason, GROUP_RESOURCE_SCHEMA);
  const namedMembers = memberValuesNamed(filter);
  const candidates = new Map<string, GroupRecord>();
  for (const lookup of plan.lookups) {
    for (const group of await lookUp(tenantId, lookup.attribute, lookup.value)) candidates.set(group.id, group);
  }
  const matches: GroupRecord[] = [];
  for (const group of candidates.values()) {
    const members = namedMembers.length ? [...(await membershipState(tenantId, group.id, { users: [], members: namedMembers })).members] : [];
    if (matchesFilter(filter, toScimGroup(group, '', members), GROUP_RESOURCE_SCHEMA)) matches.push(group);
  }
  return matches.sort((a, b) => (a.id < b.id ? -1 : 1));
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
