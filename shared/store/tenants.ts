import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
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
