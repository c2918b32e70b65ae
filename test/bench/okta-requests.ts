import { oktaUser, PATCH_OP } from '../support/scim-client.js';

/**
 * The requests Okta sends (reference/okta-scim-client.md), for the benchmark's made-up people:
 * user <prefix><n> is bench.<prefix><n>@<domain> with externalId ext-<prefix><n>, so a user's name,
 * email and externalId all contain its token.
 */
export const userToken = (prefix: string, index: number) => `${prefix}${String(index).padStart(5, '0')}`;
export const userName = (domain: string, token: string) => `bench.${token}@${domain}`;
export const userBody = (domain: string, token: string, overrides: Record<string, unknown> = {}) =>
  oktaUser(userName(domain, token), { externalId: `ext-${token}`, ...overrides });

export const byUserName = (name: string) => `/Users?filter=${encodeURIComponent(`userName eq "${name}"`)}`;

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });
export const deactivation = patch({ op: 'replace', value: { active: false } });

export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const groupBody = (displayName: string, memberIds: string[] = []) => ({
  schemas: [GROUP_SCHEMA],
  displayName,
  members: memberIds.map((value) => ({ value })),
});

/** Okta's Group Push PATCH: the group's id and name ride along with every membership change. */
export function membershipPatch(group: { id: string; displayName: string }, op: 'add' | 'remove', memberIds: string[]) {
  return patch(
    { op: 'replace', value: { id: group.id, displayName: group.displayName } },
    op === 'add'
      ? { op: 'add', path: 'members', value: memberIds.map((value) => ({ value })) }
      : { op: 'remove', path: `members[${memberIds.map((id) => `value eq "${id}"`).join(' or ')}]` },
  );
}
