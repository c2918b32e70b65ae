import { defineEntity } from '../entity.js';
import type { NoAttributes } from './edges.js';

/**
 * The group's side of a membership: one edge per member in the group's partition (the member's
 * side is the `groupIds` set on the team-member item).
 */
export const membership = defineEntity<NoAttributes>()({
  type: 'Membership',
  key: { pk: 'T#{tenantId}#G#{groupId}', sk: 'M#{userId}' },
  attributes: {},
});
