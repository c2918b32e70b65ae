import type { TeamMemberRecord } from '../../store/team-members.js';
import { etagOf } from '../etag.js';
import { ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA, USER_SCHEMA } from '../schema/urns.js';

export type ScimResource = Record<string, unknown> & { id: string };

/**
 * A team member as a SCIM User resource: the stored (normalised) attributes plus id, groups, meta
 * and Roster's read-only resolved fields in the Roster extension.
 */
export function toScimUser(member: TeamMemberRecord, baseUrl: string): ScimResource {
  const { attributes, resolved } = member;
  const roster = {
    ...((attributes[ROSTER_USER_SCHEMA] as Record<string, unknown> | undefined) ?? {}),
    ...(resolved
      ? {
          resolvedTimeZone: resolved.resolvedTimeZone,
          timeZoneSource: resolved.timeZoneSource,
          ...(member.managerId ? { managerId: member.managerId } : {}),
          managerResolution: resolved.managerResolution,
        }
      : {}),
  };
  const withRoster = Object.keys(roster).length ? { ...attributes, [ROSTER_USER_SCHEMA]: roster } : attributes;
  const schemas = [USER_SCHEMA, ...[ENTERPRISE_USER_SCHEMA, ROSTER_USER_SCHEMA].filter((urn) => urn in withRoster)];
  return {
    schemas,
    id: member.id,
    ...withRoster,
    userName: member.userName,
    active: member.active,
    groups: member.groupIds.map((groupId) => ({
      value: groupId,
      $ref: `${baseUrl}/scim/v2/Groups/${encodeURIComponent(groupId)}`,
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
