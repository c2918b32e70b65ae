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

export type EditableTenantFields = Omit<TenantRecord, 'tenantId' | 'createdAt' | 'version'>;

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
