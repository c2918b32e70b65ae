import type { GroupRecord } from '../../store/groups.js';
import { etagOf } from '../etag.js';
import { GROUP_SCHEMA } from '../schema/urns.js';
import { userLocation } from './user-resource.js';

/** A group as a SCIM Group resource; `members` only when they were read (the response needs them). */
export function toScimGroup(group: GroupRecord, baseUrl: string, memberIds?: readonly string[]) {
  return {
    schemas: [GROUP_SCHEMA],
    id: group.id,
    displayName: group.displayName,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    ...(memberIds ? { members: memberIds.map((value) => ({ value, $ref: userLocation(baseUrl, value), type: 'User' })) } : {}),
    meta: {
      resourceType: 'Group',
      created: group.createdAt,
      lastModified: group.updatedAt,
      location: `${baseUrl}/scim/v2/Groups/${encodeURIComponent(group.id)}`,
      version: etagOf(group.version),
    },
  };
}
