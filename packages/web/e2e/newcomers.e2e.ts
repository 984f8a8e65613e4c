import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launchBrowser, PHONE } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 26, "What newcomers trip over": each journey as a newcomer met it, in Chromium at
 * 1280×800 and 390×844. Screenshots that the issue asks to look at go to docs/screenshots/.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const DOC_SHOTS = path.resolve(here, '../../../docs/screenshots');

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every console warning and error of every page, with the page's address. */
const consoleProblems: string[] = [];

const stamp = Date.now();
const password = 'steppe-apricot-lantern';

type Data = Record<string, Record<string, unknown>>;

async function graphql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await page.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data as Data;
}

async function newPage(
  options: { viewport?: { width: number; height: number }; timezoneId?: string } = {},
) {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: 'en-US',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning' || message.type() === 'error') {
      consoleProblems.push(`${page.url()}: [${message.type()}] ${message.text()}`);
    }
  });
  return page;
}

/** Signs a new person up in the page's browser context (the session cookie stays there). */
async function signUp(page: Page, name: string, email: string) {
  await graphql(page, 'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
    input: { displayName: name, email, password, locale: 'en' },
  });
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

/** Whether every part of `locator` lies inside the page's width (nothing cut at the edge). */
async function insideViewport(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < 0 || box.right > width + 0.5;
      })
      .map((element) => element.textContent ?? '');
  }, selector);
}

describe('item 5: the header on a phone', () => {
  it('a signed-out visitor on a phone reaches Library, Sign in and Create account', async () => {
    const page = await newPage({ viewport: PHONE });
    await page.goto(`${server.url}/sign-in`);
    await page.locator('h1').filter({ hasText: 'Sign in to Alany' }).waitFor();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Library', 'Sign in', 'Create account']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    // Opening moves focus into the menu; Escape closes it and gives focus back to the button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Library');
    expect(await insideViewport(page, '.nav-menu__item')).toEqual([]);
    await expectAccessible(page, 'phone menu, signed out');
    fs.mkdirSync(DOC_SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOC_SHOTS, 'phone-menu-signed-out.png') });
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Menu');

    await menu.click();
    await nav.getByRole('link', { name: 'Library', exact: true }).click();
    await page.locator('h1').filter({ hasText: 'Library' }).waitFor();
    // Following a link closes the menu.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // At desktop size the links stand in the header and the menu button is gone.
    await page.setViewportSize(DESKTOP);
    expect(await menu.isVisible()).toBe(false);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Create account' })
      .waitFor();
  });

  it('a signed-in person on a phone reaches every destination, none cut at the edge', async () => {
    const page = await newPage({ viewport: PHONE });
    await signUp(page, 'Aigerim Phone', `phone-${stamp}@example.kz`);
    await page.goto(`${server.url}/`);
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await menu.click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Home', 'Events', 'Library', 'Risks', 'Search', 'Settings']) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    expect(await insideViewport(page, '.nav-menu__item, .header a, .header button')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await expectAccessible(page, 'phone menu, signed in');
    await page.screenshot({ path: path.join(DOC_SHOTS, 'phone-menu-signed-in.png') });
    await nav.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.locator('h1').filter({ hasText: 'Settings' }).waitFor();

    // On a desktop every tab is in the header row, inside the page.
    await page.setViewportSize(DESKTOP);
    expect(await menu.isVisible()).toBe(false);
    expect(await insideViewport(page, '.header__tab')).toEqual([]);
    await page.locator('.header__tab', { hasText: 'Settings' }).waitFor();
  });
});

describe('item 14: a quiet build and a quiet page load', () => {
  it('vite builds the client without a warning', () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-web-build-'));
    try {
      const vite = path.resolve(here, '../node_modules/vite/bin/vite.js');
      const run = spawnSync(
        process.execPath,
        [vite, 'build', '--outDir', outDir, '--emptyOutDir'],
        {
          cwd: path.resolve(here, '..'),
          encoding: 'utf8',
          // As the real build runs: vitest sets NODE_ENV=test, which would build React for development.
          env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1' },
        },
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(0);
      expect(output).not.toMatch(/warn|INEFFECTIVE_DYNAMIC_IMPORT|deprecated/i);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('no page load logs a warning or an error (checked over every page this file opened)', async () => {
    const page = await newPage();
    for (const address of ['/sign-in', '/sign-up', '/library', '/report/follow-up']) {
      await page.goto(server.url + address);
      await page.locator('h1').first().waitFor();
    }
    expect(consoleProblems).toEqual([]);
  });
});
