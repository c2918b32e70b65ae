import { ensureConnection } from '../../shared/auth/connections.js';
import { ADMIN_CONNECTION_ID, issueToken } from '../../shared/auth/issue-token.js';
import { createCompany } from '../../shared/people/company/companies.js';
import { getTenant } from '../../shared/store/tenants.js';
import { seedDemoPeople } from './seed-demo-people.js';
import { seedDemoProvisioning } from './seed-demo-provisioning.js';

export const DEMO_COMPANY = {
  tenantId: 'example-co',
  name: 'Example Co',
  domains: ['example.com'],
  defaultTimeZone: 'America/New_York',
  connectionId: 'okta-local',
  connectionName: 'Okta (local)',
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
  const { tenantId } = DEMO_COMPANY;
  const primaryDomain = DEMO_COMPANY.domains[0];
  const exists = Boolean(await getTenant(tenantId));
  // Also on restarts: state from before connections existed has a token but no connection record.
  const ensureDemoConnection = () =>
    ensureConnection(tenantId, { name: DEMO_COMPANY.connectionName, source: 'okta' }, DEMO_COMPANY.connectionId);
  if (exists && previous?.scimToken && previous.adminToken && previous.tenantId === tenantId) {
    await ensureDemoConnection();
    return { tenantId, primaryDomain, scimToken: previous.scimToken, adminToken: previous.adminToken };
  }
  if (!exists) {
    await createCompany({ tenantId, name: DEMO_COMPANY.name, domains: [...DEMO_COMPANY.domains], defaultTimeZone: DEMO_COMPANY.defaultTimeZone });
  }
  await ensureDemoConnection();
  if (!exists) {
    const principal = { tenantId, connectionId: DEMO_COMPANY.connectionId, scope: 'scim' } as const;
    await seedDemoProvisioning(principal);
    await seedDemoPeople(principal);
  }
  return {
    tenantId,
    primaryDomain,
    scimToken: await issueToken(tenantId, DEMO_COMPANY.connectionId, 'scim'),
    adminToken: await issueToken(tenantId, ADMIN_CONNECTION_ID, 'admin'),
  };
}
