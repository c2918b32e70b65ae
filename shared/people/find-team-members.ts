import { invalidFilter } from '../errors.js';
import { matchesFilter } from '../scim/filter/evaluate.js';
import { parseFilter } from '../scim/filter/parse.js';
import { planFilter, unsupportedFilterError } from '../scim/filter/plan.js';
import { USER_RESOURCE_SCHEMA } from '../scim/schema/resource-schemas.js';
import { toScimUser } from '../scim/user-resource.js';
import {
  findTeamMembersByIdentifier,
  findTeamMembersByExternalId,
  findTeamMembersByUserName,
  getTeamMember,
  type TeamMemberRecord,
} from '../store/team-members.js';
import { identifier } from './profile.js';

/**
 * A filter runs as key lookups, never as a scan: the plan names lookups whose union holds every
 * match, and the full filter is then evaluated on those few candidates, so the answer is exact.
 * A filter with no such plan is refused (400 invalidFilter) — an empty list would make the client
 * create a duplicate.
 */
export async function findTeamMembersMatching(tenantId: string, filterText: string): Promise<TeamMemberRecord[]> {
  const filter = parseFilter(filterText);
  const plan = planFilter(filter, USER_RESOURCE_SCHEMA);
  if (plan.kind === 'unsupported') throw unsupportedFilterError(plan.reason, USER_RESOURCE_SCHEMA);
  const candidates = new Map<string, TeamMemberRecord>();
  for (const lookup of plan.lookups) {
    for (const member of await lookUp(tenantId, lookup.attribute, lookup.value)) {
      if (!member.deletedAt) candidates.set(member.id, member);
    }
  }
  return [...candidates.values()]
    .filter((member) => matchesFilter(filter, toScimUser(member, ''), USER_RESOURCE_SCHEMA))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
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
