import type { GroupRecord } from '../../store/groups.js';
import type { GroupMember } from '../../store/memberships.js';
import { etagOf } from '../etag.js';
import { GROUP_SCHEMA } from '../schema/urns.js';
import { userLocation } from './user-resource.js';

/**
 * A group as a SCIM Group resource; `members` only when they were read (the response needs them),
 * each with its `display` name when the membership carries one.
 */
export function toScimGroup(group: GroupRecord, baseUrl: string, members?: readonly GroupMember[]) {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(members
      ? { members: members.map(({ id, display }) => ({ value: id, $ref: userLocation(baseUrl, id), type: 'User', ...(display === undefined ? {} : { display }) })) }
      : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt,
      lastModified: group.updatedAt,
      location: `${baseUrl}/scim/v2/Groups/${encodeURIComponent(group.id)}`,
      version: etagOf(group.version),
    },
  };
}
