import { createTenant, getTenant, type TenantRecord } from '../../store/tenants.js';

export interface NewCompany {
  tenantId: string;
  name: string;
  domains: string[];
  defaultTimeZone: string;
}

/** A new company with the article's defaults: Okta as the source, no manager settings switched on. */
export async function createCompany(company: NewCompany): Promise<TenantRecord> {
  const record: TenantRecord = {
    ...company,
    domains: company.domains.map((domain) => domain.trim().toLowerCase()),
    provisioningSource: 'okta',
    notifyManagersOnImport: false,
    managersCanToggleDataCapture: false,
    createdAt: new Date().toISOString(),
    version: 1,
  };
  await createTenant(record);
  return record;
}

const SETTINGS_CACHE_MS = 30_000;
const settingsCache = new Map<string, { record: TenantRecord; expiresAt: number }>();

/** Company settings, cached briefly in a warm function (they change rarely; requests need them often). */
export async function companySettings(tenantId: string): Promise<TenantRecord | undefined> {
  const hit = settingsCache.get(tenantId);
  if (hit && hit.expiresAt > Date.now()) return hit.record;
  const record = await getTenant(tenantId);
  if (record) settingsCache.set(tenantId, { record, expiresAt: Date.now() + SETTINGS_CACHE_MS });
  return record;
}

/** The source a new connection gets when the admin names none: the company's selected one. */
export async function selectedProvisioningSource(tenantId: string): Promise<'okta' | 'custom'> {
  return (await companySettings(tenantId))?.provisioningSource ?? 'okta';
}

/** Drops this function's cached settings after a change (other warm functions refresh within 30 s). */
export function forgetCompanySettings(tenantId: string): void {
  settingsCache.delete(tenantId);
}

