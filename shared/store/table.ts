import type { ItemFamily } from '../routes.js';

/**
 * The single table: its physical shape (key attributes, global secondary indexes, TTL attribute)
 * and, below, every item it holds. The CDK stack and the local stack both create the table from
 * this shape, so they cannot drift. Each item type is declared once, in ./entities/; nothing
 * outside shared/store builds or parses a key.
 *
 * Items and their keys (entities/<file>):
 * - tenant settings          pk T#<tenant>                 sk SETTINGS                 tenant-settings (+ list GSI when it sets a retention)
 * - resource counter shard   pk T#<tenant>#COUNT           sk <kind>#<shard>           counter-shard
 * - paging checkpoint        pk T#<tenant>#PAGE            sk <kind>#<startIndex, 10 digits> page-checkpoint (TTL)
 * - token (by hash)          pk TOKEN#<sha256>             sk TOKEN                    token
 * - team member              pk T#<tenant>#U#<id>          sk #USER                    team-member (+ list / lookup / external / reports GSIs)
 * - inactivity clock         pk T#<tenant>#U#<id>          sk #INACTIVE                inactive-member (deactivated or hidden since when; + list GSI)
 * - user name marker         pk T#<tenant>#UN#<lowercase>  sk #UNIQUE                  unique-markers
 * - external id marker       pk T#<tenant>#UX#<externalId> sk #UNIQUE                  unique-markers
 * - identifier edge          pk T#<tenant>#ID#<kind>:<value> sk U#<id>                 edges (email, employeeNumber, fullName: lookups)
 * - awaiting-manager edge    pk T#<tenant>#AW              sk <hash of kind:value>#U#<id>   edges (a report waiting for that manager; all of a company's in one partition)
 * - company configuration    pk T#<tenant>#CONFIG          sk seat#<id> | workspace#<id> | assignment#<id>   config-items
 * - import rejection         pk T#<tenant>#REJECT          sk <at>#<uuid>              rejection (TTL)
 * - group                    pk T#<tenant>#G#<id>          sk #GROUP                   group (+ list / lookup / external GSIs)
 * - group name marker        pk T#<tenant>#GN#<lowercase>  sk #UNIQUE                  unique-markers
 * - group external id marker pk T#<tenant>#GX#<externalId> sk #UNIQUE                  unique-markers
 * - membership edge          pk T#<tenant>#G#<group>       sk M#<user>                 membership (with the member's display name)
 *   (the user's side of the edge is the `groupIds` set on the team-member item)
 * - connection               pk T#<tenant>#CONN            sk C#<id>                   connection
 * - OAuth consent ticket     pk OAUTH#CONSENT#<sha256>     sk CONSENT                  consent-ticket (TTL)
 * - OAuth authorization code pk OAUTH#CODE#<sha256>        sk CODE                     authorization-code (TTL)
 * - OAuth refresh token      pk OAUTH#REFRESH#<sha256>     sk REFRESH                  refresh-token (TTL)
 * - import record            pk T#<tenant>#IMPORT#<user>   sk #IMPORT                  import-record (when imported; whether its manager was notified)
 * - manager digest           pk NOTIFY#<shard>             sk T#<tenant>#M#<manager>   manager-digest (queued new reports; TTL)
 * - console session          pk SESSION#<sha256>           sk SESSION                  console-sign-in (TTL: absolute timeout)
 * - sign-in link             pk SIGNIN#<sha256>            sk SIGNIN                   console-sign-in (single use; TTL 15 minutes)
 * - OpenID sign-in attempt   pk OIDC#<sha256 of state>     sk OIDC                     console-sign-in (PKCE verifier, nonce; single use)
 * - rate-limit window        pk T#<tenant>#RATE#<limit>    sk <window start>           console-sign-in (a counter; TTL)
 * - member history entry     pk T#<tenant>#HIST#<member>   sk <at>#<uuid>              member-history (who changed what, from what to what; TTL)
 *   (every pending digest of every tenant, in a few shards, so the release reads them without a GSI)
 */
export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;

/**
 * The partition keys of each item family, as IAM `StringLike` patterns on `dynamodb:LeadingKeys`
 * (tenant ids hold no `#`, so `T#*#U#*` is a member and never a connection). The request-path
 * indexes hold members and groups (and, in `list`, the companies that set a retention).
 */
export const ITEM_FAMILY_PARTITIONS = {
  teamMembers: ['T#*#U#*', 'T#*#UN#*', 'T#*#UX#*', 'T#*#ID#*', 'T#*#AW', 'T#*#HIST#*', 'T#*#IMPORT#*', 'T#*#REJECT'],
  groups: ['T#*#G#*', 'T#*#GN#*', 'T#*#GX#*'],
  oauthGrants: ['OAUTH#*'],
  consoleSignIns: ['SESSION#*', 'SIGNIN#*', 'OIDC#*'],
  notifications: ['NOTIFY#*'],
} as const satisfies Record<ItemFamily, readonly string[]>;
export const TTL_ATTRIBUTE = 'expiresAt';

export type Key = { pk: string; sk: string };
export type { ItemFamily };

export interface IndexDefinition {
  name: string;
  partition: string;
  sort: string;
  /** What the index copies besides the keys (ALL unless said). */
  projection?: 'ALL' | 'KEYS_ONLY';
  /**
   * Not one of the request-path indexes every function with table access gets: the operator's CLI
   * reads it, and only the functions whose definition says `readsTenantIndex` may Query it.
   */
  operatorOnly?: boolean;
}

/**
 * - `list`:   sparse; one partition per tenant and resource type, sorted by creation-ordered id,
 *             so paging is a Query in a stable order. Hidden (deleted) resources drop out of it.
 *             Also, for the daily erasure: the companies that set a retention (`RETENTION`), and
 *             each company's inactive members oldest first (`T#<tenant>#inactive`, by since when).
 * - `lookup`: one item per tenant + unique name (userName, group displayName) → the full item,
 *             so `userName eq` is a single Query that returns the resource.
 * - `external`: tenant + externalId → the full item.
 * - `reports`:  sparse; a manager's direct reports (team members whose managerId is that manager).
 * - `tenant`:   keys only, for the operator: every item of a company that its own partitions cannot
 *             find (members, hidden ones too; groups; tokens, sessions, sign-in links and OAuth
 *             records keyed by a hash) under `T#<tenant>#ALL`, and every company under `COMPANIES`.
 *             Offboarding, export and `companies list` read it instead of scanning the table. One
 *             request path reads it too: a company's admin tokens (sort keys `TOKEN#admin#<hash>`),
 *             listed, rotated and revoked by the admin API and the console.
 */
export const INDEXES = {
  list: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  lookup: { name: 'gsi2', partition: 'gsi2pk', sort: 'gsi2sk' },
  external: { name: 'gsi3', partition: 'gsi3pk', sort: 'gsi3sk' },
  reports: { name: 'gsi4', partition: 'gsi4pk', sort: 'gsi4sk' },
  tenant: { name: 'gsi5', partition: 'gsi5pk', sort: 'gsi5sk', projection: 'KEYS_ONLY', operatorOnly: true },
} as const satisfies Record<string, IndexDefinition>;

export type IndexName = keyof typeof INDEXES;

export const indexList: IndexDefinition[] = Object.values(INDEXES);

/** The indexes request paths query (every function with table access is granted them). */
export const requestIndexList: IndexDefinition[] = indexList.filter((index) => !index.operatorOnly);

/**
 * The tenant index partitions a function that reads it may Query, as IAM `StringLike` patterns on
 * `dynamodb:LeadingKeys`: a company's own (`T#<tenant>#ALL`), never `COMPANIES`, the list of them all.
 */
export const TENANT_INDEX_COMPANY_PARTITIONS = ['T#*#ALL'] as const;
