import '../../../support/environment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../../../../shared/config.js';
import { addVerifiedDomains } from '../../../../shared/people/company/domain-verification.js';
import { adminClient, type AdminClient } from '../../../support/admin-client.js';
import { startTxtDnsServer } from '../../../support/dns-server.js';
import { startTestApi } from '../../../support/http-stack.js';
import { oktaUser, scimClient, type ScimClient } from '../../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
let dns: Awaited<ReturnType<typeof startTxtDnsServer>>;
let tenant: TestTenant;
let admin: AdminClient;
let scim: ScimClient;

beforeAll(async () => {
  // A real DNS server on the loopback; the resolver's address is configuration, as deployed.
  dns = await startTxtDnsServer();
  process.env.DNS_RESOLVERS = dns.address;
  resetConfigForTests();
  api = await startTestApi();
  tenant = await createTestTenant('proven.example', 'Proven Co');
  admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
});
afterAll(async () => {
  await api?.stop();
  await dns?.stop();
});

const addDomain = async (domain: string) => {
  const { version, ...settings } = (await admin.get('/settings')).body;
  return admin.put('/settings', { ...settings, domains: [...settings.domains, domain], version });
};

describe('a domain a company adds', () => {
  it('stays pending, refused like a foreign domain, until its TXT record proves it', async () => {
    const added = await addDomain('Victim.Example');
    expect(added.status).toBe(200);
    expect(added.body.domains).toEqual(['proven.example']);
    expect(added.body.pendingDomains).toEqual([{ domain: 'victim.example', txtRecord: expect.stringMatching(/^roster-verification=[\w-]{32}$/), addedAt: expect.any(String) }]);
    const { txtRecord } = added.body.pendingDomains[0];

    const refused = await scim.post('/Users', oktaUser('ceo@victim.example'));
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ scimType: 'invalidValue', detail: expect.stringContaining('not one of the company') });

    // No record, another company's token, or the record at a parent name: not proven.
    dns.records.set('victim.example', ['v=spf1 -all', 'roster-verification=someone-elses-token']);
    dns.records.set('example', [txtRecord]);
    const unproven = await admin.post('/domains/victim.example/verify', {});
    expect(unproven.status).toBe(409);
    expect(unproven.body.error).toMatchObject({ code: 'domain_not_verified', message: expect.stringContaining(txtRecord) });
    expect((await admin.get('/settings')).body.domains).toEqual(['proven.example']);

    dns.records.set('victim.example', ['v=spf1 -all', txtRecord]);
    const verified = await admin.post('/domains/victim.example/verify', {});
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ domains: ['proven.example', 'victim.example'], pendingDomains: [] });
    expect((await scim.post('/Users', oktaUser('ceo@victim.example'))).status).toBe(201);
  });

  it('keeps its token while pending, and a domain already verified needs no new proof', async () => {
    const first = (await addDomain('later.example')).body.pendingDomains;
    const { version, ...settings } = (await admin.get('/settings')).body;
    const again = await admin.put('/settings', { ...settings, domains: [...settings.domains, 'later.example'], version });
    expect(again.body.pendingDomains).toEqual(first);
    expect((await admin.post('/domains/proven.example/verify', {})).status).toBe(200);
  });

  it('lets the operator add verified domains directly (the admin CLI), a pending one included', async () => {
    await addDomain('operator.example');
    const company = await addVerifiedDomains(tenant.tenantId, ['Operator.Example', 'direct.example']);
    expect(company.domains).toEqual(expect.arrayContaining(['proven.example', 'operator.example', 'direct.example']));
    const settings = (await admin.get('/settings')).body;
    expect(settings.pendingDomains.map((entry: { domain: string }) => entry.domain)).not.toContain('operator.example');
    expect((await scim.post('/Users', oktaUser('someone@direct.example'))).status).toBe(201);
  });

  it('answers 404 for a domain the company never added', async () => {
    expect((await admin.post('/domains/unknown.example/verify', {})).status).toBe(404);
  });
});
