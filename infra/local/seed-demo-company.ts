import { generateToken, hashToken } from '../../shared/auth/tokens.js';
import { createTenant, getTenant } from '../../shared/store/tenants.js';
import { putToken } from '../../shared/store/tokens.js';

export const DEMO_COMPANY = {
  tenantId: 'example-co',
  name: 'Example Co',
  primaryDomain: 'example.com',
  defaultTimeZone: 'America/New_York',
  connectionId: 'okta-local',
} as const;

export interface DemoCredentials {
  tenantId: string;
  primaryDomain: string;
  scimToken: string;
  adminToken: string;
}

/**
 * The demo company a fresh local stack starts with. Tokens are stored hashed like any other; the
 * plain values exist only in the local state file so a restart can print them again.
 */
export async function seedDemoCompany(previous?: Partial<DemoCredentials>): Promise<DemoCredentials> {
  const { tenantId, primaryDomain } = DEMO_COMPANY;
  if (previous?.scimToken && previous.adminToken && previous.tenantId === tenantId && (await getTenant(tenantId))) {
    return { tenantId, primaryDomain, scimToken: previous.scimToken, adminToken: previous.adminToken };
  }
  const now = new Date().toISOString();
  if (!(await getTenant(tenantId))) {
    await createTenant({
      tenantId,
      name: DEMO_COMPANY.name,
      domains: [primaryDomain],
      defaultTimeZone: DEMO_COMPANY.defaultTimeZone,
      provisioningSource: 'okta',
      notifyManagersOnImport: true,
      managersCanToggleDataCapture: false,
      createdAt: now,
      version: 1,
    });
  }
  const scimToken = generateToken('scim');
  const adminToken = generateToken('admin');
  await putToken({ tokenHash: hashToken(scimToken), tenantId, connectionId: DEMO_COMPANY.connectionId, scope: 'scim', createdAt: now });
  await putToken({ tokenHash: hashToken(adminToken), tenantId, connectionId: 'admin', scope: 'admin', createdAt: now });
  return { tenantId, primaryDomain, scimToken, adminToken };
}
