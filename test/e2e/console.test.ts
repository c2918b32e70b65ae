import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../infra/local/seed-demo-people.js';
import { seriousAccessibilityProblems } from '../support/accessibility.js';
import { launchChromium } from '../support/browser.js';
import { signInLinkOf } from '../support/console-client.js';
import { eventually } from '../support/eventually.js';
import { startLocalStackProcess, stopCleanly, type LocalStackProcess } from '../support/local-stack-process.js';
import { Started } from '../support/started.js';
import { emailsTo } from '../support/ses-inbox.js';

const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * The console as people meet it, in a real headless Chromium against `npm start`: a manager signs
 * in with the company's identity provider (the local OpenID provider npm start runs) and manages
 * their team; a report signs in with an emailed link read from the SES emulator; a tech admin signs
 * in with the admin token. Every page passes axe-core; the screenshots the README shows are taken here.
 */
describe('console against `npm start`', () => {
  let stack: LocalStackProcess | undefined;
  let browser: Browser | undefined;

  const started = new Started();

  beforeAll(async () => {
    [stack, browser] = await started.all([started.track(startLocalStackProcess(), stopCleanly), started.track(launchChromium(), (running) => running.close())]);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => started.stopAll());

  const company = () => stack!.info.tenantId;
  /** A fresh browser (own cookies); CSP bypassed only so axe-core can be injected. */
  async function freshPage(width = 1280): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser!.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    return { context, page, problems };
  }
  async function expectAccessible(page: Page) {
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }

  it('signs a manager in with the company identity provider and lets them switch data capture where allowed', async () => {
    const { page, problems } = await freshPage();
    await page.goto(`${stack!.info.consoleUrl}/team?company=${company()}`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Example Co' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENSHOTS}/console-sign-in.png` });

    await page.getByRole('link', { name: 'Sign in with your company account' }).click();
    expect(page.url().startsWith(stack!.info.identityProviderUrl)).toBe(true);
    await page.fill('input[name=login]', DEMO_PEOPLE.manager.email);
    await page.fill('input[name=password]', 'any password');
    await page.click('button[type=submit]');
    const consent = page.getByRole('button', { name: 'Continue' });
    if (await consent.isVisible().catch(() => false)) await consent.click();
    await page.waitForURL(`${stack!.info.consoleUrl}/team`);

    // The demo reports' settings are computed from the stream shortly after npm start seeds them.
    await eventually(async () => {
      await page.reload();
      expect(await page.getByRole('button', { name: 'Turn data capture off' }).count()).toBe(1);
    }, 30_000);
    const cards = page.locator('ul.people > li');
    expect(await cards.locator('h2').allTextContents()).toEqual(['Jane Coached', 'Omar New']);
    expect(await page.getByText('Set by the Default assignment, managed by your admins.').count()).toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENSHOTS}/console-my-team.png`, fullPage: true });

    await page.getByRole('button', { name: 'Turn data capture off' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Data capture for Jane Coached is now off.');
    await page.getByRole('button', { name: 'Turn data capture on' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Data capture for Jane Coached is now on.');

    await page.setViewportSize({ width: 375, height: 800 });
    await expectAccessible(page);
    await page.screenshot({ path: `${SCREENSHOTS}/console-my-team-narrow.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('signs a report in with an emailed link: their team is empty', async () => {
    const { page } = await freshPage(375);
    await page.goto(`${stack!.info.consoleUrl}/sign-in?company=${company()}`);
    await page.getByLabel('Work email').fill(DEMO_PEOPLE.newcomer.email);
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    const mail = await eventually(async () => {
      const [latest] = (await emailsTo(stack!.info.sesApiUrl, DEMO_PEOPLE.newcomer.email)).filter((email) => email.subject.includes('sign-in link'));
      expect(latest).toBeDefined();
      return latest!;
    });
    const link = signInLinkOf(mail.body.text!);
    await page.goto(`${new URL(stack!.info.consoleUrl).origin}${link.path}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${stack!.info.consoleUrl}/team`);
    await expect(page.getByText('No active team member reports to you in Roster.').isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it('signs a tech admin in with the admin token, and shows errors as pages', async () => {
    const { page } = await freshPage();
    await page.goto(`${stack!.info.consoleUrl}/sign-in?company=${company()}`);
    await page.getByText('Tech admin without an account? Use the admin token').click();
    await page.getByLabel('Admin token').fill('roster_admin_wrong');
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('That admin token is not valid');
    await expectAccessible(page);
    await page.getByLabel('Admin token').fill(stack!.info.adminToken);
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await page.waitForURL(`${stack!.info.consoleUrl}/team`);
    await expect(page.getByText('signed in with Example Co’s admin token').isVisible()).resolves.toBe(true);

    await page.goto(`${stack!.info.consoleUrl}/sign-in?company=no-such-company`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Roster knows no company with this id');
    await expectAccessible(page);
    await page.goto(`${stack!.info.consoleUrl}/sign-in`);
    await expectAccessible(page);
  });
});
