import { INDEXES, TABLE_KEY } from './table-definition.js';

/**
 * Every key format of the single table, in one place (ElectroDB-style). Nothing outside
 * shared/store builds or parses a key.
 *
 * Items and their keys:
 * - tenant settings          pk T#<tenant>                 sk SETTINGS
 * - resource counter shard   pk T#<tenant>#COUNT           sk <kind>#<shard>
 * - paging checkpoint        pk T#<tenant>#PAGE            sk <kind>#<startIndex>
 * - token (by hash)          pk TOKEN#<sha256>             sk TOKEN
 * - team member              pk T#<tenant>#U#<id>          sk #USER      (+ list / lookup / external GSIs)
 * - user name marker         pk T#<tenant>#UN#<lowercase>  sk #UNIQUE
 * - external id marker       pk T#<tenant>#UX#<externalId> sk #UNIQUE
 * - email edge               pk T#<tenant>#EM#<lowercase>  sk U#<id>
 * - group                    pk T#<tenant>#G#<id>          sk #GROUP     (+ list / lookup / external GSIs)
 * - group name marker        pk T#<tenant>#GN#<lowercase>  sk #UNIQUE
 * - group external id marker pk T#<tenant>#GX#<externalId> sk #UNIQUE
 * - membership (group side)  pk T#<tenant>#G#<group>       sk M#<user>
 * - membership (user side)   pk T#<tenant>#U#<user>        sk G#<group>
 */
export type ResourceKind = 'users' | 'groups';
export type Key = { [TABLE_KEY.partition]: string; [TABLE_KEY.sort]: string };

const tenant = (tenantId: string) => `T#${tenantId}`;
const key = (pk: string, sk: string): Key => ({ pk, sk });

export const USER_SORT_KEY = '#USER';
export const GROUP_SORT_KEY = '#GROUP';
const UNIQUE = '#UNIQUE';

/** userName and displayName compare case-insensitively (RFC 7643 caseExact=false). */
export const caseFold = (value: string) => value.normalize('NFC').toLowerCase();

export const keys = {
  tenantSettings: (tenantId: string) => key(tenant(tenantId), 'SETTINGS'),
  counterPartition: (tenantId: string) => `${tenant(tenantId)}#COUNT`,
  counterShard: (tenantId: string, kind: ResourceKind, shard: number) =>
    key(`${tenant(tenantId)}#COUNT`, `${kind}#${shard}`),
  counterPrefix: (kind: ResourceKind) => `${kind}#`,
  pageCheckpoint: (tenantId: string, kind: ResourceKind, startIndex: number) =>
    key(`${tenant(tenantId)}#PAGE`, `${kind}#${startIndex}`),
  token: (tokenHash: string) => key(`TOKEN#${tokenHash}`, 'TOKEN'),

  user: (tenantId: string, id: string) => key(`${tenant(tenantId)}#U#${id}`, USER_SORT_KEY),
  userPartition: (tenantId: string, id: string) => `${tenant(tenantId)}#U#${id}`,
  userNameMarker: (tenantId: string, userName: string) =>
    key(`${tenant(tenantId)}#UN#${caseFold(userName)}`, UNIQUE),
  userExternalIdMarker: (tenantId: string, externalId: string) =>
    key(`${tenant(tenantId)}#UX#${externalId}`, UNIQUE),
  emailPartition: (tenantId: string, email: string) => `${tenant(tenantId)}#EM#${caseFold(email)}`,
  emailEdge: (tenantId: string, email: string, userId: string) =>
    key(`${tenant(tenantId)}#EM#${caseFold(email)}`, `U#${userId}`),
  userIdFromEmailEdge: (sk: string) => sk.slice(2),

  group: (tenantId: string, id: string) => key(`${tenant(tenantId)}#G#${id}`, GROUP_SORT_KEY),
  groupPartition: (tenantId: string, id: string) => `${tenant(tenantId)}#G#${id}`,
  groupNameMarker: (tenantId: string, displayName: string) =>
    key(`${tenant(tenantId)}#GN#${caseFold(displayName)}`, UNIQUE),
  groupExternalIdMarker: (tenantId: string, externalId: string) =>
    key(`${tenant(tenantId)}#GX#${externalId}`, UNIQUE),
  membershipOfGroup: (tenantId: string, groupId: string, userId: string) =>
    key(`${tenant(tenantId)}#G#${groupId}`, `M#${userId}`),
  membershipOfUser: (tenantId: string, userId: string, groupId: string) =>
    key(`${tenant(tenantId)}#U#${userId}`, `G#${groupId}`),
  memberPrefix: 'M#',
  groupEdgePrefix: 'G#',
  idFromEdge: (sk: string) => sk.slice(2),
} as const;

/** Secondary-index attributes a resource item carries so it can be listed and looked up. */
export const indexKeys = {
  list: (tenantId: string, kind: ResourceKind, id: string) => ({
    [INDEXES.list.partition]: `${tenant(tenantId)}#${kind}`,
    [INDEXES.list.sort]: id,
  }),
  listPartition: (tenantId: string, kind: ResourceKind) => `${tenant(tenantId)}#${kind}`,
  lookup: (tenantId: string, kind: ResourceKind, name: string) => ({
    [INDEXES.lookup.partition]: lookupPartition(tenantId, kind, name),
    [INDEXES.lookup.sort]: kind,
  }),
  lookupPartition: (tenantId: string, kind: ResourceKind, name: string) => lookupPartition(tenantId, kind, name),
  external: (tenantId: string, kind: ResourceKind, externalId: string) => ({
    [INDEXES.external.partition]: externalPartition(tenantId, kind, externalId),
    [INDEXES.external.sort]: kind,
  }),
  externalPartition: (tenantId: string, kind: ResourceKind, externalId: string) =>
    externalPartition(tenantId, kind, externalId),
};

function lookupPartition(tenantId: string, kind: ResourceKind, name: string) {
  return `${tenant(tenantId)}#${kind}#name#${caseFold(name)}`;
}
function externalPartition(tenantId: string, kind: ResourceKind, externalId: string) {
  return `${tenant(tenantId)}#${kind}#ext#${externalId}`;
}
