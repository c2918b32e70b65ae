import { batchGet } from './batch-get.js';
import { updateExpression } from './entity.js';
import { tenantSettings, type TenantRecord } from './entities/tenant-settings.js';
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

/** Replaces a tenant's editable settings if nobody changed them since `expectedVersion` was read. */
export async function updateTenantSettings(tenantId: string, fields: EditableTenantFields, expectedVersion: number): Promise<boolean> {
  const names = Object.keys(fields) as Array<keyof EditableTenantFields>;
  const update = tenantSettings.update({ ...fields, version: expectedVersion + 1 }, [...names, 'version']);
  return conditionalUpdate({
    Key: tenantSettings.key({ tenantId }),
    UpdateExpression: updateExpression(update),
    ConditionExpression: 'version = :expected',
    ExpressionAttributeNames: update.names,
    ExpressionAttributeValues: { ...update.values, ':expected': expectedVersion },
  });
}
