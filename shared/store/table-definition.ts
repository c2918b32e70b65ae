/**
 * The single table's physical shape: key attributes and global secondary indexes. The CDK stack
 * and the local stack both create the table from this definition, so they cannot drift.
 * Which item uses which key is decided in ./keys.ts, the only place that knows key formats.
 */
export const TABLE_KEY = { partition: 'pk', sort: 'sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export interface IndexDefinition {
  name: string;
  partition: string;
  sort: string;
}

/**
 * - `list`:   sparse; one partition per tenant and resource type, sorted by creation-ordered id,
 *             so paging is a Query in a stable order. Hidden (deleted) resources drop out of it.
 * - `lookup`: one item per tenant + unique name (userName, group displayName) → the full item,
 *             so `userName eq` is a single Query that returns the resource.
 * - `external`: tenant + externalId → the full item.
 * - `reports`:  sparse; a manager's direct reports (team members whose managerId is that manager).
 */
export const INDEXES = {
  list: { name: 'gsi1', partition: 'gsi1pk', sort: 'gsi1sk' },
  lookup: { name: 'gsi2', partition: 'gsi2pk', sort: 'gsi2sk' },
  external: { name: 'gsi3', partition: 'gsi3pk', sort: 'gsi3sk' },
  reports: { name: 'gsi4', partition: 'gsi4pk', sort: 'gsi4sk' },
} as const satisfies Record<string, IndexDefinition>;

export const indexList: IndexDefinition[] = Object.values(INDEXES);
