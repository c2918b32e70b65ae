import { refreshMemberDisplay, type MemberNameParts } from '../../store/memberships.js';
import type { TeamMemberRecord } from '../../store/team-members.js';

type Attributes = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The name a group lists a member by (SCIM `members.display`): the user's `displayName`, else
 * the formatted name, else given and family names, else the userName.
 */
export function memberDisplay({ userName, attributes }: MemberNameParts): string {
  const name = (attributes.name ?? {}) as Attributes;
  const parts = [text(name.givenName), text(name.familyName)].filter(Boolean).join(' ');
  return text(attributes.displayName) ?? text(name.formatted) ?? (parts || userName);
}

/**
 * From the stream: when the name a member's membership edges carry is not the member's display
 * name (the member was renamed, or added to a group while being renamed), the edges are
 * rewritten — off the request path, one write per group of the member.
 */
export async function keepMemberDisplayOnEdges(member: TeamMemberRecord): Promise<boolean> {
  if (member.deletedAt || !member.groupIds.length) return false;
  const display = memberDisplay(member);
  if (member.edgeDisplay === display) return false;
  await refreshMemberDisplay(member.tenantId, member.id, member.groupIds, display, member.version);
  return true;
}
