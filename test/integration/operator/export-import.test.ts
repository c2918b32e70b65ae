import '../../support/environment.js';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCli } from '../../support/admin-cli.js';
import { adminClient } from '../../support/admin-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { seedConsistentCompany } from '../../support/seed-company.js';
import { consistencyProblems } from '../../support/table-consistency.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
const cli = adminCli();
const files = mkdtempSync(join(tmpdir(), 'roster-export-'));
let tenant: TestTenant;

beforeAll(async () => {
  api = await startTestApi();
  tenant = await createTestTenant('moving.example', 'Moving Co');
  await seedConsistentCompany(tenant.tenantId, tenant.domain, { members: 300, groups: 12 });
  const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
  const boss = await scim.post('/Users', oktaUser(`boss@${tenant.domain}`));
  await scim.post('/Users', oktaUser(`report@${tenant.domain}`, { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: boss.body.id } } }));
  await scim.post('/Users', oktaUser(`waiting@${tenant.domain}`, { 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { manager: { value: `nobody-yet@${tenant.domain}` } } }));
  const gone = await scim.post('/Users', oktaUser(`gone@${tenant.domain}`, { externalId: 'gone-1' }));
  await scim.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Team', externalId: 'okta-team', members: [{ value: boss.body.id }, { value: gone.body.id }] });
  expect((await scim.delete(`/Users/${gone.body.id}`)).status).toBe(204);
  const admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
  expect((await admin.post('/seats', { name: 'Recorder', total: 10, capabilities: ['dataCapture'] })).status).toBe(201);
}, 300_000);
afterAll(async () => {
  await api?.stop();
  cli.cleanup();
  rmSync(files, { recursive: true, force: true });
});

describe('companies export and import', () => {
  it('export → delete → import → export gives an identical file, a consistent company, and refuses a company that is not empty', async () => {
    const first = join(files, 'first.jsonl');
    const exported = await cli.run(['companies', 'export', tenant.tenantId, '--out', first]);
    expect(exported.code, exported.stderr).toBe(0);
    const lines = readFileSync(first, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; record?: Record<string, unknown> });
    const kinds = lines.reduce<Record<string, number>>((counts, line) => ({ ...counts, [line.kind]: (counts[line.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ company: 1, seatType: 1, group: 13, member: 304, membership: 301 });
    expect(exported.stdout.trim()).toBe(`Exported ${lines.length} lines of ${tenant.tenantId} to ${first}.`);
    expect(readFileSync(first, 'utf8')).not.toContain(tenant.tenantId);

    const notEmpty = await cli.run(['companies', 'import', tenant.tenantId, first]);
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toContain(`${tenant.tenantId} already has stored items`);

    expect((await cli.run(['companies', 'delete', tenant.tenantId, '--yes'])).stdout).toContain('Final check: nothing');
    const imported = await cli.run(['companies', 'import', tenant.tenantId, first]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`Imported into ${tenant.tenantId}: 303 members, 13 groups.`);
    expect(await consistencyProblems(tenant.tenantId)).toEqual([]);

    const second = join(files, 'second.jsonl');
    expect((await cli.run(['companies', 'export', tenant.tenantId, '--out', second])).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));

    // The restored company works once the operator gives it a token.
    const issued = await cli.run(['admin-token', 'issue', tenant.tenantId]);
    const admin = adminClient(`${api.baseUrl}/admin/v1`, /(roster_admin_\S+)/.exec(issued.stdout)![1]!);
    expect((await admin.get('/team-members?count=1')).status).toBe(200);
    expect((await admin.get('/settings')).body.name).toBe('Moving Co');
  }, 600_000);

  it('imports under another tenant id too (a move), with the same export', async () => {
    const copy = `copy-${randomUUID().slice(0, 8)}`;
    const source = join(files, 'first.jsonl');
    expect((await cli.run(['companies', 'import', copy, source])).code).toBe(0);
    expect(await consistencyProblems(copy)).toEqual([]);
    const exported = await cli.run(['companies', 'export', copy]);
    expect(exported.stdout).toBe(readFileSync(source, 'utf8'));
  }, 300_000);
});
