import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../infra/local/seed-demo-people.js';
import { seriousAccessibilityProblems } from '../support/accessibility.js';
import { launchChromium } from '../support/browser.js';
import { useLocalStack } from '../support/local-stack-process.js';
import { PATCH_OP, oktaUser } from '../support/scim-client.js';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * The tech admin's provisioning pages in headless Chromium against `npm start`, walking the
 * article's steps: Okta as the source and the manager settings saved, an automatic assignment for a
 * pushed group added after its preview, members pushed over SCIM and seated (one short when the
 * total runs out), assignments reordered, a rejected import fixed, a connection created with a
 * token and deleted, an admin token issued and revoked, a member found, and two admins saving the settings at once.
 * Every page passes axe-core at 1280 and at 375 pixels wide; the screenshots in docs/console.md are taken here.
 */
describe('console admin pages against `npm start`', () => {
  const local = useLocalStack();
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => browser?.close());

  /** axe-core at both widths, then a screenshot at the desktop width. */
  async function check(page: Page, screenshot?: string) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAccessibilityProblems(page), `${page.url()} at ${width}px`).toEqual([]);
    }
    if (screenshot) await page.screenshot({ path: `${SCREENSHOTS}/${screenshot}.png`, fullPage: true });
  }

  /** A browser of its own, signed in with the admin token on `next`. */
  async function signedInAdmin(next: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const consoleUrl = local.stack.info.consoleUrl;
    await page.goto(`${consoleUrl}/sign-in?company=${local.stack.info.tenantId}&next=${encodeURIComponent(next)}`);
    await page.getByText('Tech admin without an account? Use the admin token').click();
    await page.getByLabel('Admin token').fill(local.stack.info.adminToken);
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await page.waitForURL(`${new URL(consoleUrl).origin}${next}`);
    return { context, page };
  }

  const nav = (page: Page, link: string) => page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: link }).click();

  /** Reloads until the page shows what is awaited: the stream applies assignments a moment after the push. */
  async function reloadUntil(page: Page, shows: () => Promise<boolean>, what: string) {
    for (let attempt = 0; attempt < 120; attempt += 1) {
      if (await shows()) return;
      await new Promise((done) => setTimeout(done, 500));
      await page.reload();
    }
    throw new Error(`${page.url()} never showed ${what}`);
  }

  it('walks the provisioning article as the tech admin', async () => {
    const { scim } = local;
    const pushed = await scim.post('/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Forecasters', members: [] });
    expect(pushed.status).toBe(201);
    const { context, page } = await signedInAdmin('/console/admin/settings');

    // Settings: Okta as the source, the two manager settings, SAVE.
    await page.getByLabel('Okta', { exact: true }).check();
    await page.getByLabel('Notify direct managers with recorded teams', { exact: false }).check();
    await page.getByLabel('Managers can turn data capture on or off', { exact: false }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Settings saved.');
    await check(page, 'console-admin-settings');

    // ADD ASSIGNMENT: a name, the group Okta pushed, a seat (2 in all), a permission profile, data capture; preview, save.
    await nav(page, 'Assignments');
    await page.getByRole('link', { name: 'Add assignment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Forecasting');
    await page.getByLabel('Find a group by its name').fill('forecasters');
    await page.getByRole('button', { name: 'Find groups' }).click();
    await page.getByRole('group', { name: 'Groups found' }).getByRole('checkbox', { name: 'Forecasters' }).check();
    await page.getByRole('group', { name: 'Seat types' }).getByRole('checkbox', { name: /^Forecast / }).check();
    await page.getByLabel('Sales workspace').selectOption({ label: 'Forecaster (needs a Forecast seat)' });
    await page.getByLabel('Web conferences').selectOption('record');
    await page.getByLabel('Automatic updates', { exact: false }).check();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('heading', { name: 'Preview' }).isVisible()).resolves.toBe(true);
    await check(page, 'console-admin-assignment-preview');
    await page.getByRole('button', { name: 'Save assignment' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved Forecasting.');

    // Reorder: the new assignment moves up past the one before it.
    const order = async () => page.locator('tbody th[scope="row"]').allTextContents();
    const before = await order();
    await page.getByRole('button', { name: 'Move up: Forecasting' }).click();
    const after = await order();
    expect(after.indexOf('Forecasting')).toBe(before.indexOf('Forecasting') - 1);
    await check(page, 'console-admin-assignments');
    // Its edit form and its delete confirmation, which changes nothing when kept.
    await page.getByRole('link', { name: 'Edit Forecasting' }).click();
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Forecasting');
    await check(page);
    await nav(page, 'Assignments');
    await page.getByRole('link', { name: 'Delete Forecasting' }).click();
    await check(page);
    await page.getByRole('link', { name: 'Keep it' }).click();
    await expect(page.getByRole('button', { name: 'Move down: Forecasting' }).count()).resolves.toBe(1);

    // Okta pushes three members into the group: two get the Forecast seat, one is short of it.
    const people = ['fiona.fore', 'felix.fore', 'fatima.fore'];
    const ids: string[] = [];
    for (const person of people) {
      const created = await scim.post('/Users', oktaUser(`${person}@${local.stack.info.primaryDomain}`));
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
    const joined = await scim.patch(`/Groups/${pushed.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: ids.map((value) => ({ value })) }] });
    expect([200, 204]).toContain(joined.status);
    await nav(page, 'Seats');
    const forecastRow = page.getByRole('row', { name: /^Forecast 2 2 0/ });
    const shortOfForecast = page.getByRole('link', { name: / Fore$/ });
    await reloadUntil(page, async () => (await forecastRow.count()) === 1 && (await shortOfForecast.count()) === 1, 'the Forecast seat full and one member short');
    await check(page, 'console-admin-seats');

    // A rejected import, listed with its rule; fixed in Okta and pushed again, it disappears.
    const outsider = 'olga.outside@elsewhere.example';
    expect((await scim.post('/Users', oktaUser(outsider))).status).toBe(400);
    await nav(page, 'Import errors');
    await expect(page.getByRole('row', { name: outsider }).textContent()).resolves.toContain('The email must be at one of the company’s domains');
    await check(page, 'console-admin-import-errors');
    const fixed = oktaUser(outsider, { emails: [{ primary: true, value: `olga.outside@${local.stack.info.primaryDomain}`, type: 'work' }] });
    expect((await scim.post('/Users', fixed)).status).toBe(201);
    // Only its refusal goes: the member it became may be listed as flagged (short of a seat), once
    // the stream has given it its settings.
    const refusal = page.getByRole('row', { name: outsider }).filter({ hasText: 'The email must be at one of the company’s domains' });
    await page.reload();
    await expect(refusal.count()).resolves.toBe(0);

    // A connection: create, a token shown once, delete after the confirmation.
    await nav(page, 'Connections');
    await page.getByLabel('Name', { exact: true }).fill('Okta sandbox');
    await page.getByRole('button', { name: 'Add connection' }).click();
    await check(page, 'console-admin-connections');
    await page.getByRole('button', { name: 'Generate SCIM token for Okta sandbox' }).click();
    await expect(page.getByLabel('SCIM token').inputValue()).resolves.toMatch(/^roster_scim_/);
    await check(page);
    await page.getByRole('link', { name: 'Done' }).click();
    await page.getByRole('link', { name: 'Delete Okta sandbox' }).click();
    await expect(page.getByText('Provisioning through Okta sandbox stops at once').isVisible()).resolves.toBe(true);
    await check(page);
    await page.getByRole('button', { name: 'Delete connection' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Deleted Okta sandbox.');

    // An admin token: issued for a week, shown once, then revoked after the confirmation.
    await nav(page, 'Admin tokens');
    await check(page);
    await page.getByLabel('Lifetime in days').fill('7');
    await page.getByRole('button', { name: 'Issue admin token' }).click();
    const issued = await page.getByLabel('Admin token', { exact: true }).inputValue();
    expect(issued).toMatch(/^roster_admin_/);
    await check(page);
    await page.getByRole('link', { name: 'Done' }).click();
    const issuedId = createHash('sha256').update(issued).digest('hex').slice(0, 12);
    await page.getByRole('link', { name: `Revoke admin token ${issuedId}` }).click();
    await expect(page.getByRole('heading', { name: `Revoke admin token ${issuedId}?` }).isVisible()).resolves.toBe(true);
    await check(page);
    await page.getByRole('button', { name: 'Revoke admin token' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe(`Revoked admin token ${issuedId}.`);
    await check(page, 'console-admin-admin-tokens');

    // A team member found by email, and their page.
    await nav(page, 'Team members');
    await page.getByLabel('Find a team member by work email or full name').fill(DEMO_PEOPLE.manager.email);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('list', { name: 'Found' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Manager and direct reports' }).isVisible()).resolves.toBe(true);
    await check(page, 'console-admin-team-member');
    // Erasure's confirmation names what happens; kept, it changes nothing.
    await page.getByRole('link', { name: /Erase .*’s personal data/ }).click();
    await expect(page.getByText('This cannot be undone.').isVisible()).resolves.toBe(true);
    await check(page, 'console-admin-erase-confirm');
    await page.getByRole('link', { name: 'Keep it' }).click();
    await expect(page.getByRole('heading', { name: 'Manager and direct reports' }).isVisible()).resolves.toBe(true);
    // The members flagged for one thing: the one short of a Forecast seat.
    await nav(page, 'Team members');
    await page.getByLabel('Show the members flagged for').selectOption({ label: 'Short of a seat' });
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Flagged' }).getByRole('link', { name: / Fore$/ }).count()).resolves.toBe(1);
    await check(page, 'console-admin-flagged');
    await context.close();
  });

  it('shows two admins saving the settings at once the conflict, and loses neither change', async () => {
    const first = await signedInAdmin('/console/admin/settings');
    const second = await signedInAdmin('/console/admin/settings');
    await first.page.getByLabel('Default time zone').fill('Asia/Tokyo');
    await second.page.getByLabel('Admin emails').fill(DEMO_PEOPLE.manager.email);
    await first.page.getByRole('button', { name: 'Save' }).click();
    await expect(first.page.getByRole('status').textContent()).resolves.toContain('Settings saved.');

    await second.page.getByRole('button', { name: 'Save' }).click();
    await expect(second.page.getByRole('alert').textContent()).resolves.toContain('Someone else saved these settings while you were editing.');
    await expect(second.page.getByRole('alert').textContent()).resolves.toContain('Default time zone');
    await expect(second.page.getByLabel('Admin emails').inputValue()).resolves.toBe(DEMO_PEOPLE.manager.email);
    await check(second.page, 'console-admin-settings-conflict');
    expect((await local.admin.get('/settings')).body).toMatchObject({ defaultTimeZone: 'Asia/Tokyo', adminEmails: [] });

    // Saving again is deliberate: it replaces what is saved with this form, the time zone included.
    await second.page.getByLabel('Default time zone').fill('Asia/Tokyo');
    await second.page.getByRole('button', { name: 'Save' }).click();
    await expect(second.page.getByRole('status').textContent()).resolves.toContain('Settings saved.');
    expect((await local.admin.get('/settings')).body).toMatchObject({ defaultTimeZone: 'Asia/Tokyo', adminEmails: [DEMO_PEOPLE.manager.email] });
    await first.context.close();
    await second.context.close();
  });
});
