import { defineEntity } from '../entity.js';

export interface MembershipEdge {
  /**
   * The member's display name when the edge was written (kept up to date from the stream when
   * the member is renamed), so a group's members are listed with their names without reading
   * every member.
   */
  display?: string;
}

/**
 * The group's side of a membership: one edge per member in the group's partition (the member's
 * side is the `groupIds` set on the team-member item).
 */
export const membership = defineEntity<MembershipEdge>()({
  type: 'Membership',
  key: { pk: 'T#{tenantId}#G#{groupId}', sk: 'M#{userId}' },
  attributes: { display: 'string' },
});
