import { batchGet } from './batch-get.js';
import { updateExpression } from './entity.js';
import { tenantSettings, type TenantRecord } from './entities/tenant-settings.js';
import { queryPages } from './query-all.js';
import { INDEXES } from './table.js';
import { conditionalUpdate, getItem, putNew } from './writes.js';

export type { PendingDomain, TenantRecord } from './entities/tenant-settings.js';

export async function getTenant(tenantId: string): Promise<TenantRecord | undefined> {
  const item = await getItem(tenantSettings.key({ tenantId }), { consistent: false });
  return item ? tenantSettings.fromItem(item) : undefined;
}

/** Creates the tenant; fails if it exists. */
export async function createTenant(record: TenantRecord): Promise<void> {
  await putNew(tenantSettings.toItem(record));
}

export type EditableTenantFields = Omit<TenantRecord, 'tenantId' | 'createdAt' | 'version' | 'suspendedAt' | 'suspendedReason'>;

/** Suspends (with a reason) or resumes a company; false if there is no such company. */
export async function setTenantSuspension(tenantId: string, suspension: { at: string; reason: string } | undefined): Promise<boolean> {
  const update = tenantSettings.update({ suspendedAt: suspension?.at, suspendedReason: suspension?.reason }, ['suspendedAt', 'suspendedReason']);
  return conditionalUpdate({
    Key: tenantSettings.key({ tenantId }),
    UpdateExpression: updateExpression(update),
    ConditionExpression: 'attribute_exists(pk)',
    ExpressionAttributeNames: update.names,
    ...(Object.keys(update.values).length ? { ExpressionAttributeValues: update.values } : {}),
  });
}

/** Many companies' settings at once (the operator's list). */
export async function getTenants(tenantIds: string[]): Promise<TenantRecord[]> {
  const items = await batchGet(tenantIds.map((tenantId) => tenantSettings.key({ tenantId })));
  return items.map((item) => tenantSettings.fromItem(item)).sort((a, b) => a.tenantId.localeCompare(b.tenantId));
}

/**
 * Replaces a tenant's editable settings if nobody changed them since `expectedVersion` was read
 * (a field left out is left as it is). When `eraseAfterDays` is given, even as undefined, the
 * company joins or leaves the companies with a retention in the same write.
 */
export async function updateTenantSettings(tenantId: string, fields: EditableTenantFields, expectedVersion: number): Promise<boolean> {
  const names = [...(Object.keys(fields) as Array<keyof EditableTenantFields>), 'version' as const];
  // createdAt is neither written here nor part of any index key.
  const record = { tenantId, ...fields, version: expectedVersion + 1 } as TenantRecord;
  const update = 'eraseAfterDays' in fields ? tenantSettings.updateWithIndexes(record, names) : tenantSettings.update(record, names);
  return conditionalUpdate({
    Key: tenantSettings.key({ tenantId }),
    UpdateExpression: updateExpression(update),
    ConditionExpression: 'version = :expected',
    ExpressionAttributeNames: update.names,
    ExpressionAttributeValues: { ...update.values, ':expected': expectedVersion },
  });
}

/** The companies that set a retention (`eraseAfterDays`), a page at a time: one sparse index partition. */
export async function* companiesWithRetention(pageSize = 100): AsyncGenerator<TenantRecord[]> {
  const pages = queryPages({
    IndexName: INDEXES.list.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': INDEXES.list.partition },
    ExpressionAttributeValues: { ':pk': tenantSettings.indexPartition('list', {}) },
    Limit: pageSize,
  });
  for await (const items of pages) yield items.map((item) => tenantSettings.fromItem(item));
}
