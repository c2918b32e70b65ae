import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../infra/local/seed-demo-people.js';
import { seriousAccessibilityProblems } from '../support/accessibility.js';
import { launchChromium } from '../support/browser.js';
import { startLocalStackProcess, type LocalStackProcess } from '../support/local-stack-process.js';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * The tech admin's provisioning pages in headless Chromium against `npm start`, walking the
 * article's steps: Okta as the source and the manager settings saved, an assignment added after
 * its preview, seats, import errors, a connection created with a token and deleted, a member found.
 * Every page passes axe-core at 1280 and at 375 pixels wide; the screenshots in docs/console.md are taken here.
 */
describe('console admin pages against `npm start`', () => {
  let stack: LocalStackProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    stack = await startLocalStackProcess();
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    expect(await stack?.stop()).toBe(0);
  });

  /** axe-core at both widths, then a screenshot at the desktop width. */
  async function check(page: Page, screenshot?: string) {
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await seriousAccessibilityProblems(page), `${page.url()} at ${width}px`).toEqual([]);
    }
    if (screenshot) await page.screenshot({ path: `${SCREENSHOTS}/${screenshot}.png`, fullPage: true });
  }

  it('walks the provisioning article as the tech admin', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const consoleUrl = stack!.info.consoleUrl;
    await page.goto(`${consoleUrl}/sign-in?company=${stack!.info.tenantId}&next=${encodeURIComponent('/console/admin/settings')}`);
    await page.getByText('Tech admin without an account? Use the admin token').click();
    await page.getByLabel('Admin token').fill(stack!.info.adminToken);
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await page.waitForURL(`${consoleUrl}/admin/settings`);

    // Settings: Okta as the source, the two manager settings, SAVE.
    await page.getByLabel('Okta', { exact: true }).check();
    await page.getByLabel('Notify direct managers with recorded teams', { exact: false }).check();
    await page.getByLabel('Managers can turn data capture on or off', { exact: false }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Settings saved.');
    await check(page, 'console-admin-settings');

    // ADD ASSIGNMENT: a name, a group from the groups Okta pushed, a seat, data capture, preview, save.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Assignments' }).click();
    await page.getByRole('link', { name: 'Add assignment' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Sales team');
    await page.getByRole('button', { name: 'Find groups' }).click();
    const groups = page.getByRole('group', { name: 'Groups found' }).getByRole('checkbox');
    if (await groups.count()) await groups.first().check();
    const seats = page.getByRole('group', { name: 'Seat types' }).getByRole('checkbox');
    if (await seats.count()) await seats.first().check();
    await page.getByLabel('Web conferences').selectOption('record');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('heading', { name: 'Preview' }).isVisible()).resolves.toBe(true);
    await check(page, 'console-admin-assignment-preview');
    await page.getByRole('button', { name: 'Save assignment' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved Sales team.');
    const moveUp = page.getByRole('button', { name: 'Move up: Sales team' });
    if (await moveUp.count()) await moveUp.click();
    await check(page, 'console-admin-assignments');

    for (const [link, screenshot] of [
      ['Seats', 'console-admin-seats'],
      ['Import errors', 'console-admin-import-errors'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: link }).click();
      await check(page, screenshot);
    }

    // A connection: create, a token shown once, delete after the confirmation.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Connections' }).click();
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

    // A team member found by email, and their page.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Team members' }).click();
    await page.getByLabel('Find a team member by work email or full name').fill(DEMO_PEOPLE.manager.email);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('list', { name: 'Found' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Manager and direct reports' }).isVisible()).resolves.toBe(true);
    await check(page, 'console-admin-team-member');
    await context.close();
  });
});
