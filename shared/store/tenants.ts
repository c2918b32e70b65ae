import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { Grant } from './company-config.js';
import { conditionalUpdate } from './writes.js';
import { keys } from './keys.js';

export interface TenantRecord {
  tenantId: string;
  name: string;
  /** The first is the primary domain. */
  domains: string[];
  /** Whether addresses at subdomains of the domains are accepted too (off unless the company opts in). */
  allowSubdomains?: boolean;
  defaultTimeZone: string;
  provisioningSource: 'okta' | 'custom';
  notifyManagersOnImport: boolean;
  managersCanToggleDataCapture: boolean;
  /**
   * Signing in to the console with the company's identity provider: a public OpenID Connect client
   * (authorization code with PKCE), so no client secret is stored anywhere.
   */
  oidc?: { issuer: string; clientId: string };
  /** What members get when no assignment's groups include them (none of anything, by default). */
  defaultAssignment?: Grant;
  createdAt: string;
  version: number;
}

export async function getTenant(tenantId: string): Promise<TenantRecord | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.tenantSettings(tenantId) }));
  if (!Item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...record } = Item;
  return record as TenantRecord;
}

/** Creates the tenant; fails if it exists. */
export async function createTenant(record: TenantRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.tenantSettings(record.tenantId), type: 'Tenant', ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export type EditableTenantFields = Omit<TenantRecord, 'tenantId' | 'createdAt' | 'version'>;

/** Replaces a tenant's editable settings if nobody changed them since `expectedVersion` was read. */
export async function updateTenantSettings(tenantId: string, fields: EditableTenantFields, expectedVersion: number): Promise<boolean> {
  const names = Object.keys(fields) as Array<keyof EditableTenantFields>;
  return conditionalUpdate({
    Key: keys.tenantSettings(tenantId),
    UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')}, version = :next`,
    ConditionExpression: 'version = :expected',
    ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
    ExpressionAttributeValues: {
      ...Object.fromEntries(names.map((name) => [`:${name}`, fields[name]])),
      ':expected': expectedVersion,
      ':next': expectedVersion + 1,
    },
  });
}
