import type { TeamMemberRecord } from '../store/team-members.js';
import { etagOf } from './etag.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from './schema/urns.js';

export type ScimResource = Record<string, unknown> & { id: string };

/** A team member as a SCIM User resource: stored attributes plus id, groups and meta. */
export function toScimUser(member: TeamMemberRecord, baseUrl: string): ScimResource {
  const { attributes } = member;
  const schemas = [USER_SCHEMA, ...[ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA].filter((urn) => urn in attributes)];
  return {
    schemas,
    id: member.id,
    ...attributes,
    userName: member.userName,
    active: member.active,
    groups: member.groupIds.map((groupId) => ({
      value: groupId,
      $ref: `${baseUrl}/scim/v2/Groups/${groupId}`,
      type: 'direct',
    })),
    meta: {
      resourceType: 'User',
      created: member.createdAt,
      lastModified: member.updatedAt,
      location: userLocation(baseUrl, member.id),
      version: etagOf(member.version),
    },
  };
}

export const userLocation = (baseUrl: string, id: string) => `${baseUrl}/scim/v2/Users/${encodeURIComponent(id)}`;
