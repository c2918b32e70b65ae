import { randomUUID } from 'node:crypto';
import { issueToken } from '../../shared/auth/issue-token.js';
import { createCompany } from '../../shared/people/companies.js';

export interface TestTenant {
  tenantId: string;
  domain: string;
  scimToken: string;
  adminToken: string;
}

/** A fresh company per test file (or test), so files share one database without seeing each other. */
export async function createTestTenant(domain = 'example.com'): Promise<TestTenant> {
  const tenantId = `t-${randomUUID()}`;
  await createCompany({ tenantId, name: 'Test Co', domains: [domain], defaultTimeZone: 'America/New_York' });
  return {
    tenantId,
    domain,
    scimToken: await issueToken(tenantId, 'test-connection', 'scim'),
    adminToken: await issueToken(tenantId, 'admin', 'admin'),
  };
}
