import { randomUUID } from 'node:crypto';
import { createConnection } from '../../shared/auth/connections.js';
import { ADMIN_CONNECTION_ID, issueToken } from '../../shared/auth/issue-token.js';
import { createCompany } from '../../shared/people/company/companies.js';

export interface TestTenant {
  tenantId: string;
  domain: string;
  /** The connection the SCIM token belongs to (a real connection record). */
  connectionId: string;
  scimToken: string;
  adminToken: string;
}

/** A fresh company per test file (or test), so files share one database without seeing each other. */
export async function createTestTenant(domain = 'example.com', name = 'Test Co'): Promise<TestTenant> {
  const tenantId = `t-${randomUUID()}`;
  await createCompany({ tenantId, name, domains: [domain], defaultTimeZone: 'America/New_York' });
  const connection = await createConnection(tenantId, { name: 'Okta (test)', source: 'okta' });
  return {
    tenantId,
    domain,
    connectionId: connection.id,
    scimToken: await issueToken(tenantId, connection.id, 'scim'),
    adminToken: await issueToken(tenantId, ADMIN_CONNECTION_ID, 'admin'),
  };
}
