import { caseFold } from '../../shared/store/case-fold.js';
import { awaitedKey } from '../../shared/store/entities/edges.js';
import { tenantItems, type StoredItem } from './table-scan.js';

/**
 * What "nothing half-written" means for one company's items, checked on a Scan of them:
 * - every visible user and group holds the uniqueness markers of its name and externalId, and
 *   every marker belongs to a visible resource of that name (an orphan marker would refuse the
 *   name forever);
 * - identifier and awaiting-manager edges match the users that list them, both ways;
 * - membership edges match the users' `groupIds`, both ways, and a deleted user is in no group;
 * - the sharded counters add up to the visible users and groups.
 * Returns one line per violation (empty when consistent).
 */
export async function consistencyProblems(tenantId: string): Promise<string[]> {
  return problemsIn(tenantId, await tenantItems(tenantId));
}

/** The same check on items already read (a test that scanned them anyway). */
export function problemsIn(tenantId: string, items: StoredItem[]): string[] {
  const prefix = `T#${tenantId}#`;
  const part = (item: StoredItem) => item.pk.slice(prefix.length);
  const users = new Map(items.filter((item) => item.type === 'TeamMember').map((item) => [String(item.id), item]));
  const visibleUsers = [...users.values()].filter((user) => !user.deletedAt);
  const groups = new Map(items.filter((item) => item.type === 'Group').map((item) => [String(item.id), item]));
  const markers = new Map(items.filter((item) => item.sk === '#UNIQUE').map((item) => [part(item), String(item.ownerId)]));
  const problems: string[] = [];

  const expectMarker = (marker: string, ownerId: string, what: string) => {
    if (markers.get(marker) !== ownerId) problems.push(`${what} ${ownerId} has no marker ${marker} (found ${markers.get(marker) ?? 'none'})`);
  };
  for (const user of visibleUsers) {
    expectMarker(`UN#${caseFold(String(user.userName))}`, String(user.id), 'user');
    if (user.externalId) expectMarker(`UX#${String(user.externalId)}`, String(user.id), 'user');
  }
  for (const group of groups.values()) {
    expectMarker(`GN#${caseFold(String(group.displayName))}`, String(group.id), 'group');
    if (group.externalId) expectMarker(`GX#${String(group.externalId)}`, String(group.id), 'group');
  }
  for (const [marker, ownerId] of markers) {
    const [kind, ...rest] = marker.split('#');
    const value = rest.join('#');
    const owner = kind === 'UN' || kind === 'UX' ? users.get(ownerId) : groups.get(ownerId);
    const expected =
      kind === 'UN' ? caseFold(String(owner?.userName)) : kind === 'GN' ? caseFold(String(owner?.displayName)) : String(owner?.externalId);
    if (!owner || owner.deletedAt || expected !== value) problems.push(`orphan marker ${marker} (owner ${ownerId})`);
  }

  const edgeSets = {
    // pk T#<tenant>#ID#<identifier>, sk U#<user>
    identifiers: {
      edges: items.filter((item) => part(item).startsWith('ID#')).map((item) => `${part(item).slice('ID#'.length)}|${item.sk.slice(2)}`),
      listed: (identifier: string, userId: string) => `${identifier}|${userId}`,
    },
    // pk T#<tenant>#AW, sk <hash of identifier>#U#<user>
    awaiting: {
      edges: items.filter((item) => part(item) === 'AW').map((item) => item.sk.replace('#U#', '|')),
      listed: (identifier: string, userId: string) => `${awaitedKey(identifier)}|${userId}`,
    },
  };
  for (const [field, { edges: found, listed: entryOf }] of Object.entries(edgeSets) as Array<[keyof typeof edgeSets, (typeof edgeSets)['awaiting']]>) {
    const edges = new Set(found);
    const listed = new Set(visibleUsers.flatMap((user) => ((user[field] as string[] | undefined) ?? []).map((value) => entryOf(value, String(user.id)))));
    for (const edge of edges) if (!listed.has(edge)) problems.push(`${field} edge ${edge} without a user listing it`);
    for (const entry of listed) if (!edges.has(entry)) problems.push(`user lists ${field} ${entry} without its edge`);
  }

  const memberships = new Set(items.filter((item) => item.type === 'Membership').map((item) => `${part(item).slice(2)}|${item.sk.slice(2)}`));
  const userSides = new Set(
    [...users.values()].flatMap((user) => [...((user.groupIds as Set<string> | undefined) ?? [])].map((groupId) => `${groupId}|${String(user.id)}`)),
  );
  for (const edge of memberships) if (!userSides.has(edge)) problems.push(`membership edge ${edge} missing from the user's groupIds`);
  for (const user of users.values()) {
    if (user.deletedAt && (user.groupIds as Set<string> | undefined)?.size) problems.push(`deleted user ${String(user.id)} is still in groups`);
  }
  for (const side of userSides) if (!memberships.has(side)) problems.push(`groupIds entry ${side} without its membership edge`);

  const counted = (kind: string) =>
    items.filter((item) => part(item) === 'COUNT' && item.sk.startsWith(`${kind}#`)).reduce((sum, item) => sum + Number(item.count ?? 0), 0);
  if (counted('users') !== visibleUsers.length) problems.push(`user counter ${counted('users')} ≠ ${visibleUsers.length} visible users`);
  if (counted('groups') !== groups.size) problems.push(`group counter ${counted('groups')} ≠ ${groups.size} groups`);
  return problems;
}
