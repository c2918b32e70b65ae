import '../../support/environment.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCli } from '../../support/admin-cli.js';
import { adminClient } from '../../support/admin-client.js';
import { consoleClient } from '../../support/console-client.js';
import { startTestApi } from '../../support/http-stack.js';
import { oktaUser, scimClient } from '../../support/scim-client.js';
import { createTestTenant, type TestTenant } from '../../support/tenant.js';
import { putToken } from '../../../shared/store/tokens.js';
import { hashToken } from '../../../shared/auth/tokens.js';
import { asBeforeTheTenantIndex, seedConsistentCompany } from '../../support/seed-company.js';
import { tenantItems } from '../../support/table-scan.js';

let api: Awaited<ReturnType<typeof startTestApi>>;
const cli = adminCli();

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
  cli.cleanup();
});

const tokensIn = (text: string) => ({
  scim: /SCIM token\s+(roster_scim_\S+)/.exec(text)?.[1],
  admin: /(roster_admin_\S+)/.exec(text)?.[1],
});

describe('the operator CLI, run as a user runs it', () => {
  it('explains itself: an overview, --help for each command, and errors in words', async () => {
    const overview = await cli.run(['--help'], { target: false });
    expect(overview.code).toBe(0);
    for (const command of ['companies list', 'companies show', 'companies suspend', 'companies resume', 'companies delete', 'admin-token issue', 'admin-token list', 'admin-token revoke', 'admin-token rotate', 'domains add']) {
      expect(overview.stdout).toContain(command);
    }
    const help = await cli.run(['companies', 'delete', '--help'], { target: false });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('companies delete <tenant> (--dry-run | --yes)');

    const unknown = await cli.run(['companies', 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "companies frobnicate"');
    const noTable = await cli.run(['companies', 'list'], { target: false });
    expect(noTable.code).toBe(2);
    expect(noTable.stderr).toContain('Say which table: --table <name> --region <region>, or --local.');
    const badTenant = await cli.run(['companies', 'show', 'Not A Tenant']);
    expect(badTenant.code).toBe(2);
    expect(badTenant.stderr).toContain('tenant: a tenant id is 2-63 lower-case letters');
    const missing = await cli.run(['companies', 'show', 'no-such-company']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('There is no company no-such-company.');
  });

  it('creates a company (old and new spelling), lists and shows it, and refuses a second with the same id', async () => {
    const tenant = `cli-${randomUUID().slice(0, 8)}`;
    const created = await cli.run(['create-company', '--tenant', tenant, '--name', 'Cli Co', '--domain', 'cli.example', '--time-zone', 'Europe/Paris']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Company Cli Co created (tenant ${tenant}).`);
    const { scim, admin } = tokensIn(created.stdout);
    expect((await scimClient(`${api.baseUrl}/scim/v2`, scim!).post('/Users', oktaUser('ada@cli.example'))).status).toBe(201);
    expect((await adminClient(`${api.baseUrl}/admin/v1`, admin!).get('/settings')).status).toBe(200);

    const again = await cli.run(['companies', 'create', '--tenant', tenant, '--name', 'Cli Co', '--domain', 'cli.example', '--time-zone', 'Europe/Paris']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`A company with tenant id ${tenant} already exists.`);

    const listed = await cli.run(['companies', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${tenant}\\s+Cli Co\\s+1\\s+0\\s+active$`, 'm'));

    const shown = await cli.run(['companies', 'show', tenant]);
    expect(shown.stdout).toContain(`Cli Co (tenant ${tenant})`);
    expect(shown.stdout).toMatch(/Verified domains\s+cli\.example/);
    expect(shown.stdout).toMatch(/Members\s+1\n/);
    expect(shown.stdout).toMatch(/Admin tokens\s+1 active, 1 in all/);

    const domains = await cli.run(['domains', 'add', tenant, '--domain', 'cli.example.org', '--verified']);
    expect(domains.stdout.trim()).toBe(`Verified domains of ${tenant}: cli.example, cli.example.org`);
    const legacy = await cli.run(['add-verified-domain', '--tenant', tenant, '--domain', 'cli2.example']);
    expect(legacy.stdout.trim()).toBe(`Verified domains of ${tenant}: cli.example, cli.example.org, cli2.example`);
    const unverified = await cli.run(['domains', 'add', tenant, '--domain', 'x.example']);
    expect(unverified.code).toBe(2);
    expect(unverified.stderr).toContain('--verified');
  });
});

describe('suspending a company', () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await createTestTenant('suspended.example', 'Suspended Co');
  });

  it('refuses its SCIM, admin API and console requests with a clear error, deletes nothing, and resume undoes it', async () => {
    const scim = scimClient(`${api.baseUrl}/scim/v2`, tenant.scimToken);
    const admin = adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken);
    expect((await scim.post('/Users', oktaUser('kept@suspended.example'))).status).toBe(201);
    const browser = consoleClient(api.baseUrl);
    const form = await browser.get(`/console/sign-in?company=${tenant.tenantId}`);
    await browser.post('/console/sign-in/admin-token', { csrf: browser.csrfOf(form), company: tenant.tenantId, admin_token: tenant.adminToken, next: '/console/admin/settings' });
    expect((await browser.get('/console/admin/settings')).status).toBe(200);

    const suspended = await cli.run(['companies', 'suspend', tenant.tenantId, '--reason', 'unpaid invoice']);
    expect(suspended.code, suspended.stderr).toBe(0);
    expect(suspended.stdout).toContain(`${tenant.tenantId} is suspended`);

    const refused = await scim.get('/Users');
    expect(refused.status).toBe(403);
    expect(refused.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
    expect(refused.body.status).toBe('403');
    expect(refused.body.detail).toContain('This company is suspended on Roster');
    const adminRefused = await admin.get('/settings');
    expect(adminRefused.status).toBe(403);
    expect(JSON.stringify(adminRefused.body)).toContain('This company is suspended on Roster');
    const page = await browser.get('/console/admin/settings');
    expect(page.status).toBe(403);
    expect(page.html).toContain('Your company’s Roster account is suspended');
    expect((await cli.run(['companies', 'show', tenant.tenantId])).stdout).toMatch(/State\s+SUSPENDED since \S+ \(unpaid invoice\)/);

    expect((await cli.run(['companies', 'resume', tenant.tenantId])).stdout.trim()).toBe(`${tenant.tenantId} is active again.`);
    const listed = await scim.get('/Users');
    expect(listed.status).toBe(200);
    expect(listed.body.totalResults).toBe(1);
    expect((await browser.get('/console/admin/settings')).status).toBe(200);
  });
});

describe('admin tokens', () => {
  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await createTestTenant('tokens.example', 'Tokens Co');
  });

  it('are issued with a lifetime, listed by id (never the token) and revoked', async () => {
    const issued = await cli.run(['admin-token', 'issue', tenant.tenantId, '--days', '30']);
    expect(issued.code, issued.stderr).toBe(0);
    const token = tokensIn(issued.stdout).admin!;
    const id = /id ([0-9a-f]{12})/.exec(issued.stdout)![1]!;
    expect(hashToken(token).startsWith(id)).toBe(true);
    const expires = Date.parse(/expires (\S+)\)/.exec(issued.stdout)![1]!);
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(30);
    const admin = adminClient(`${api.baseUrl}/admin/v1`, token);
    expect((await admin.get('/settings')).status).toBe(200);

    const listed = await cli.run(['admin-token', 'list', tenant.tenantId]);
    // Used once just now (the settings read above): its last use is recorded.
    const used = new RegExp(`^${id}\\s+\\S+\\s+\\S+\\s+(\\S+)\\s+active$`, 'm').exec(listed.stdout);
    expect(Date.now() - Date.parse(used![1]!)).toBeLessThan(10 * 60_000);
    expect(listed.stdout).toMatch(/^[0-9a-f]{12}\s+\S+\s+never\s+\S+\s+active$/m); // the one issued before lifetimes
    expect(listed.stdout).not.toContain('roster_admin_');

    const revoked = await cli.run(['admin-token', 'revoke', tenant.tenantId, id]);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`Admin token ${id} of ${tenant.tenantId} is revoked`);
    expect((await admin.get('/settings')).status).toBe(401);
    expect((await cli.run(['admin-token', 'list', tenant.tenantId])).stdout).toMatch(new RegExp(`^${id}\\s+\\S+\\s+\\S+\\s+\\S+\\s+revoked \\S+$`, 'm'));
    expect((await adminClient(`${api.baseUrl}/admin/v1`, tenant.adminToken).get('/settings')).status).toBe(200);

    const unknown = await cli.run(['admin-token', 'revoke', tenant.tenantId, 'abcdef123456']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`${tenant.tenantId} has no admin token abcdef123456.`);
    // Another company's token cannot be revoked through this one.
    const other = await createTestTenant('other-tokens.example');
    const otherId = hashToken(other.adminToken).slice(0, 12);
    expect((await cli.run(['admin-token', 'revoke', tenant.tenantId, otherId])).code).toBe(1);
    expect((await adminClient(`${api.baseUrl}/admin/v1`, other.adminToken).get('/settings')).status).toBe(200);
  });

  it('are rotated: a new token printed once, the old one revoked; only an active token of the company rotates', async () => {
    const issued = await cli.run(['admin-token', 'issue', tenant.tenantId, '--days', '30']);
    const old = tokensIn(issued.stdout).admin!;
    const oldId = hashToken(old).slice(0, 12);
    const rotated = await cli.run(['admin-token', 'rotate', tenant.tenantId, oldId, '--days', '10']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const token = tokensIn(rotated.stdout).admin!;
    expect(rotated.stdout).toContain(`Admin token for ${tenant.tenantId} (id ${hashToken(token).slice(0, 12)}, expires `);
    expect(rotated.stdout).toContain(`in place of ${oldId}`);
    expect(Math.round((Date.parse(/expires (\S+)\)/.exec(rotated.stdout)![1]!) - Date.now()) / 86_400_000)).toBe(10);
    expect((await adminClient(`${api.baseUrl}/admin/v1`, old).get('/settings')).status).toBe(401);
    expect((await adminClient(`${api.baseUrl}/admin/v1`, token).get('/settings')).status).toBe(200);

    const again = await cli.run(['admin-token', 'rotate', tenant.tenantId, oldId]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`Admin token ${oldId} is revoked: only an active token is rotated; issue a new one instead.`);
    expect(again.stdout).not.toContain('roster_admin_');
    const unknown = await cli.run(['admin-token', 'rotate', tenant.tenantId, 'abcdef123456']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(`${tenant.tenantId} has no admin token abcdef123456.`);
  });

  it('stop working once their lifetime is over', async () => {
    const token = 'roster_admin_expired-for-the-test';
    await putToken({ tokenHash: hashToken(token), tenantId: tenant.tenantId, connectionId: 'admin', scope: 'admin', createdAt: new Date(Date.now() - 2 * 86_400_000).toISOString(), expiresAt: Math.floor(Date.now() / 1000) - 60 });
    expect((await adminClient(`${api.baseUrl}/admin/v1`, token).get('/settings')).status).toBe(401);
    expect((await cli.run(['admin-token', 'list', tenant.tenantId])).stdout).toMatch(new RegExp(`^${hashToken(token).slice(0, 12)}\\s+\\S+\\s+\\S+\\s+never\\s+expired$`, 'm'));
  });
});

describe('table backfill-tenant-index', () => {
  it('gives items written before the tenant index (and tokens keyed before it named the scope) their keys, after a dry run that writes nothing; run again, it finds none', async () => {
    const old = await createTestTenant('before-index.example', 'Before The Index Co');
    await seedConsistentCompany(old.tenantId, old.domain, { members: 30, groups: 3 });
    const indexed = (await tenantItems(old.tenantId)).filter((item) => item.gsi5pk !== undefined);
    // Members, groups, tokens and the settings item are in the tenant index (T#…#ALL, and COMPANIES).
    expect(new Set(indexed.map((item) => item.type))).toEqual(new Set(['TeamMember', 'Group', 'Token', 'Tenant']));
    await asBeforeTheTenantIndex(indexed);
    const unindexed = async () => (await tenantItems(old.tenantId)).filter((item) => indexed.some((was) => was.pk === item.pk && was.sk === item.sk && was.gsi5sk !== item.gsi5sk));
    expect(await unindexed()).toHaveLength(indexed.length);

    const dryRun = await cli.run(['table', 'backfill-tenant-index', '--dry-run']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const [, missing] = /Dry run: (\d+) of (\d+) items lack their tenant-index keys; nothing was written/.exec(dryRun.stdout) ?? [];
    expect(Number(missing)).toBeGreaterThanOrEqual(indexed.length);
    expect(await unindexed()).toHaveLength(indexed.length);

    const run = await cli.run(['table', 'backfill-tenant-index']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ of \d+ items without their tenant-index keys got them/);
    expect(run.stderr).toContain('items read');
    const after = await tenantItems(old.tenantId);
    for (const item of indexed) {
      expect(after.find((candidate) => candidate.pk === item.pk && candidate.sk === item.sk), `${item.pk} ${item.sk}`).toMatchObject({ gsi5pk: item.gsi5pk, gsi5sk: item.gsi5sk });
    }
    // Offboarding finds them again through the index.
    const offboarding = await cli.run(['companies', 'delete', old.tenantId, '--dry-run']);
    expect(offboarding.stdout).toMatch(/^\s+TeamMember\s+30$/m);

    const again = await cli.run(['table', 'backfill-tenant-index', '--dry-run']);
    expect(again.stdout).toMatch(/^Dry run: 0 of \d+ items lack their tenant-index keys/);
    // The company's admin token is listed again.
    expect((await cli.run(['admin-token', 'list', old.tenantId])).stdout).toMatch(/active/);
  });
});
