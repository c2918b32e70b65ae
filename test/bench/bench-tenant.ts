import type { Principal } from '../../shared/auth/principal.js';
import { createTestTenant, type TestTenant } from '../support/tenant.js';
import { benchClient, type BenchClient, type BenchResponse } from './http-client.js';

/** A company of its own for one section (so counts and lists see only what the section made), and a SCIM client for it. */
export interface BenchTenant {
  tenant: TestTenant;
  principal: Principal;
  scim: BenchClient;
}

export async function benchTenant(baseUrl: string): Promise<BenchTenant> {
  const tenant = await createTestTenant();
  const scim = benchClient(`${baseUrl}/scim/v2`, tenant.scimToken);
  expectStatus(await scim('GET', '/ServiceProviderConfig'), 200, 'the test tenant’s SCIM token');
  return { tenant, principal: { tenantId: tenant.tenantId, connectionId: tenant.connectionId, scope: 'scim' }, scim };
}

/** Stops the run on an unexpected answer: a benchmark of failing requests would measure nothing. */
export function expectStatus(response: BenchResponse, status: number, what: string): BenchResponse {
  if (response.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  return response;
}
