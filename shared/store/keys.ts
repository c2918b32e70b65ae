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
 * - identifier edge          pk T#<tenant>#ID#<kind>:<value> sk U#<id>  (email, employeeNumber, fullName: lookups)
 * - company configuration    pk T#<tenant>#CONFIG          sk seat#<id> | workspace#<id> | assignment#<id>
 * - import rejection         pk T#<tenant>#REJECT          sk <at>#<uuid>   (TTL)
 * - awaiting-manager edge    pk T#<tenant>#AW#<kind>:<value> sk U#<id>  (a report waiting for that manager)
 * - group                    pk T#<tenant>#G#<id>          sk #GROUP     (+ list / lookup / external GSIs)
 * - group name marker        pk T#<tenant>#GN#<lowercase>  sk #UNIQUE
 * - group external id marker pk T#<tenant>#GX#<externalId> sk #UNIQUE
 * - membership edge          pk T#<tenant>#G#<group>       sk M#<user>
 *   (the user's side of the edge is the `groupIds` set on the team-member item)
 * - import record             pk T#<tenant>#IMPORT#<user>   sk #IMPORT    (when imported; whether its manager was notified)
 * - manager digest           pk NOTIFY#<shard>             sk T#<tenant>#M#<manager>  (queued new reports; TTL)
 * - console session          pk SESSION#<sha256>           sk SESSION    (TTL: absolute timeout)
 * - sign-in link             pk SIGNIN#<sha256>            sk SIGNIN     (single use; TTL 15 minutes)
 * - OpenID sign-in attempt   pk OIDC#<sha256 of state>     sk OIDC       (PKCE verifier and nonce; single use; TTL)
 * - rate-limit window        pk T#<tenant>#RATE#<limit>    sk <window start> (a counter; TTL)
 * - member history entry     pk T#<tenant>#HIST#<member>   sk <at>#<uuid>   (who changed what, from what to what)
 *   (every pending digest of every tenant, in a few shards, so the release reads them without a GSI)
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
  configPartition: (tenantId: string) => `${tenant(tenantId)}#CONFIG`,
  configItem: (tenantId: string, kind: 'seat' | 'workspace' | 'assignment', id: string) => key(`${tenant(tenantId)}#CONFIG`, `${kind}#${id}`),
  rejection: (tenantId: string, at: string, unique: string) => key(`${tenant(tenantId)}#REJECT`, `${at}#${unique}`),
  rejectionPartition: (tenantId: string) => `${tenant(tenantId)}#REJECT`,

  user: (tenantId: string, id: string) => key(`${tenant(tenantId)}#U#${id}`, USER_SORT_KEY),
  userIdFromPartition: (pk: string) => pk.slice(pk.lastIndexOf('#U#') + 3),
  userNameMarker: (tenantId: string, userName: string) =>
    key(`${tenant(tenantId)}#UN#${caseFold(userName)}`, UNIQUE),
  userExternalIdMarker: (tenantId: string, externalId: string) =>
    key(`${tenant(tenantId)}#UX#${externalId}`, UNIQUE),
  identifierPartition: (tenantId: string, identifier: string) => `${tenant(tenantId)}#ID#${identifier}`,
  identifierEdge: (tenantId: string, identifier: string, userId: string) => key(`${tenant(tenantId)}#ID#${identifier}`, `U#${userId}`),
  awaitingPartition: (tenantId: string, identifier: string) => `${tenant(tenantId)}#AW#${identifier}`,
  awaitingEdge: (tenantId: string, identifier: string, userId: string) => key(`${tenant(tenantId)}#AW#${identifier}`, `U#${userId}`),

  group: (tenantId: string, id: string) => key(`${tenant(tenantId)}#G#${id}`, GROUP_SORT_KEY),
  groupPartition: (tenantId: string, id: string) => `${tenant(tenantId)}#G#${id}`,
  groupNameMarker: (tenantId: string, displayName: string) =>
    key(`${tenant(tenantId)}#GN#${caseFold(displayName)}`, UNIQUE),
  groupExternalIdMarker: (tenantId: string, externalId: string) =>
    key(`${tenant(tenantId)}#GX#${externalId}`, UNIQUE),
  membershipOfGroup: (tenantId: string, groupId: string, userId: string) =>
    key(`${tenant(tenantId)}#G#${groupId}`, `M#${userId}`),
  memberPrefix: 'M#',
  idFromEdge: (sk: string) => sk.slice(2),
} as const;

// ---- Connections and OAuth ----------------------------------------------------------------------

const CONNECTION_PREFIX = 'C#';

export const connectionKeys = {
  connection: (tenantId: string, connectionId: string) => key(`${tenant(tenantId)}#CONN`, `${CONNECTION_PREFIX}${connectionId}`),
  connectionPartition: (tenantId: string) => `${tenant(tenantId)}#CONN`,
  connectionPrefix: CONNECTION_PREFIX,
  consentTicket: (ticketHash: string) => key(`OAUTH#CONSENT#${ticketHash}`, 'CONSENT'),
  authorizationCode: (codeHash: string) => key(`OAUTH#CODE#${codeHash}`, 'CODE'),
  refreshToken: (tokenHash: string) => key(`OAUTH#REFRESH#${tokenHash}`, 'REFRESH'),
} as const;

// ---- Manager notifications -----------------------------------------------------------------------

export const notificationKeys = {
  importRecord: (tenantId: string, userId: string) => key(`${tenant(tenantId)}#IMPORT#${userId}`, '#IMPORT'),
  digestPartition: (shard: number) => `NOTIFY#${shard}`,
  digest: (shard: number, tenantId: string, managerId: string) => key(`NOTIFY#${shard}`, `${tenant(tenantId)}#M#${managerId}`),
} as const;

// ---- Console sign-in ---------------------------------------------------------------------------

export const consoleKeys = {
  session: (sessionHash: string) => key(`SESSION#${sessionHash}`, 'SESSION'),
  signInLink: (linkHash: string) => key(`SIGNIN#${linkHash}`, 'SIGNIN'),
  oidcAttempt: (stateHash: string) => key(`OIDC#${stateHash}`, 'OIDC'),
  rateWindow: (tenantId: string, limit: string, window: string) => key(`${tenant(tenantId)}#RATE#${limit}`, window),
  memberHistory: (tenantId: string, memberId: string, at: string, unique: string) => key(`${tenant(tenantId)}#HIST#${memberId}`, `${at}#${unique}`),
  memberHistoryPartition: (tenantId: string, memberId: string) => `${tenant(tenantId)}#HIST#${memberId}`,
} as const;

// --------------------------------------------------------------------------------------------------

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
  reports: (tenantId: string, managerId: string, id: string) => ({
    [INDEXES.reports.partition]: `${tenant(tenantId)}#MGR#${managerId}`,
    [INDEXES.reports.sort]: id,
  }),
  reportsPartition: (tenantId: string, managerId: string) => `${tenant(tenantId)}#MGR#${managerId}`,
};

function lookupPartition(tenantId: string, kind: ResourceKind, name: string) {
  return `${tenant(tenantId)}#${kind}#name#${caseFold(name)}`;
}
function externalPartition(tenantId: string, kind: ResourceKind, externalId: string) {
  return `${tenant(tenantId)}#${kind}#ext#${externalId}`;
}
