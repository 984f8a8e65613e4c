import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, SCREENSHOTS } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 26, "What newcomers trip over": each journey as a newcomer met it, in Chromium at
 * 1280×800 and 390×844. Screenshots that the issue asks to look at go to docs/screenshots/.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
// The committed shots are refreshed on request (E2E_DOC_SCREENSHOTS=1); every other run, CI's
// included, writes to the ignored screenshots folder and leaves the tree clean.
const DOC_SHOTS = process.env.E2E_DOC_SCREENSHOTS
  ? path.resolve(here, '../../../docs/screenshots')
  : SCREENSHOTS;

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
    await page.screenshot({ path: path.join(DOC_SHOTS, 'phone-menu-signed-in.png') });
    expect(await insideViewport(page, '.nav-menu__item, .header a, .header button')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await expectAccessible(page, 'phone menu, signed in');
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
});

/** An owner with an organisation and a space, signed in in `page`'s context. */
async function ownerWithSpace(page: Page, label: string) {
  await signUp(page, `${label} Owner`, `${label}-${stamp}@example.kz`);
  const slug = `${label}-${stamp}`;
  const organisation = await graphql(
    page,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: `${label} NGO`, slug, kind: 'NGO', city: 'Almaty' } },
  );
  const organisationId = (organisation.createOrganisation!.organisation as { id: string }).id;
  const space = await graphql(
    page,
    'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
    { input: { organisationId, name: `${label} space` } },
  );
  return { slug, organisationId, spaceId: (space.createSpace!.space as { id: string }).id };
}

describe('item 3: event times on the event’s own clock', () => {
  let eventId = '';
  let organiser: Page | undefined;

  it('a 10:00 Almaty event reads 10:00 Almaty in New York, with the New York time beside it', async () => {
    const page = await newPage({ timezoneId: 'America/New_York' });
    organiser = page;
    const { spaceId } = await ownerWithSpace(page, 'clock');
    const created = await graphql(
      page,
      'mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }',
      {
        input: {
          spaceId,
          title: 'Public dialogue on procurement',
          startsAt: '2026-12-21T05:00:00.000Z',
          endsAt: '2026-12-21T07:00:00.000Z',
          timezone: 'Asia/Almaty',
        },
      },
    );
    eventId = (created.createEvent!.event as { id: string }).id;
    await page.goto(`${server.url}/events/${eventId}`);
    const when = page.locator('.event-time').first();
    await when.waitFor();
    expect(await when.locator('.event-time__event').textContent()).toBe(
      'Dec 21, 2026, 10:00 AM – Dec 21, 2026, 12:00 PM (Asia/Almaty, UTC+5)',
    );
    expect(await when.locator('.event-time__yours').textContent()).toBe(
      'Your time (America/New_York): Dec 21, 2026, 12:00 AM – Dec 21, 2026, 2:00 AM',
    );
    await expectAccessible(page, 'event time');
    for (const [label, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await page.screenshot({ path: path.join(DOC_SHOTS, `event-time-${label}.png`) });
    }
    await page.setViewportSize(DESKTOP);

    // The organiser's form shows and reads the times on the event's clock too.
    await page.getByRole('button', { name: 'Edit event' }).click();
    expect(await page.getByLabel('Starts').inputValue()).toBe('2026-12-21T10:00');
    await page.getByLabel('Starts').fill('2026-12-21T11:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => page.locator('.event-time__event').first().textContent())
      .toContain('Dec 21, 2026, 11:00 AM');

    // Lists say the same (they show published events).
    await graphql(
      page,
      'mutation($input: EventIdInput!) { publishEvent(input: $input) { event { id } } }',
      { input: { eventId } },
    );
    await page.goto(`${server.url}/events`);
    await page.locator('.event-time').first().waitFor();
    expect(await page.locator('.event-time__event').first().textContent()).toBe(
      'Dec 21, 2026, 11:00 AM (Asia/Almaty, UTC+5)',
    );
  });

  it('in Almaty itself, one time and no "your time"', async () => {
    // The organiser's own session, on a device set to Almaty.
    const almatyContext = await browser.newContext({
      viewport: DESKTOP,
      locale: 'en-US',
      timezoneId: 'Asia/Almaty',
      storageState: await organiser!.context().storageState(),
    });
    contexts.push(almatyContext);
    const almaty = await almatyContext.newPage();
    await almaty.goto(`${server.url}/events/${eventId}`);
    await almaty.locator('.event-time').first().waitFor();
    expect(await almaty.locator('.event-time__event').first().textContent()).toContain(
      'Dec 21, 2026, 11:00 AM',
    );
    expect(await almaty.locator('.event-time__yours').count()).toBe(0);
  });
});

describe('items 4, 8 and 9: reports, an empty library, search', () => {
  let page: Page;
  let slug = '';
  let spaceId = '';

  beforeAll(async () => {
    page = await newPage();
    ({ slug, spaceId } = await ownerWithSpace(page, 'empty'));
  });

  it('an owner who is no case handler is shown the way to the reporting settings', async () => {
    await page.goto(`${server.url}/o/${slug}/reports`);
    const alert = page.locator('.alert', { hasText: 'you are not one of them' });
    await alert.waitFor();
    await alert.getByRole('link', { name: 'Reporting settings' }).click();
    await page.waitForURL(`${server.url}/o/${slug}/reporting`);
  });

  it('a new space’s empty library says how to add the first resource', async () => {
    await page.goto(`${server.url}/s/${spaceId}`);
    const library = page.getByRole('region', { name: 'Library' });
    await library.getByRole('heading', { name: 'No resources in this space yet' }).waitFor();
    expect(await library.textContent()).not.toContain('filters');
    await library.getByText('upload a file').waitFor();
    // Its button opens the form right there.
    await library.getByRole('button', { name: 'Add a resource' }).first().click();
    await library.getByLabel('Title').waitFor();

    await page.goto(`${server.url}/library`);
    await page.getByRole('heading', { name: 'The library is empty' }).waitFor();
    await page.getByLabel('Kind').selectOption('TEMPLATE');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.getByRole('heading', { name: 'Nothing matches' }).waitFor();
    await page.getByText('No resource matches these filters').waitFor();
  });

  it('search names resources too, and its select shows its whole choice at both sizes', async () => {
    await page.goto(`${server.url}/search?q=integrity`);
    await page.getByText('Discussions, replies and library resources you may read').waitFor();
    await page.getByText('No discussion, reply or resource you may read matches').waitFor();
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      for (const locale of ['en', 'ru', 'kk']) {
        await page.evaluate((code) => localStorage.setItem('alany.locale', code), locale);
        // Signed in, the interface follows the account's language.
        await graphql(
          page,
          'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }',
          { input: { locale } },
        );
        await page.reload();
        const select = page.locator('select[name="kind"]');
        await select.waitFor();
        // The width the selected words need, in the select's own font, against the room it has.
        const fits = await select.evaluate((element: HTMLSelectElement) => {
          const style = getComputedStyle(element);
          const canvas = document.createElement('canvas').getContext('2d')!;
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = element.options[element.selectedIndex]?.text ?? '';
          const room =
            element.clientWidth -
            parseFloat(style.paddingLeft) -
            parseFloat(style.paddingRight) -
            20; // the drop-down arrow
          return { text, need: canvas.measureText(text).width, room };
        });
        expect(fits.need, `${locale} ${size.width}px: “${fits.text}”`).toBeLessThanOrEqual(
          fits.room,
        );
      }
    }
    await page.setViewportSize(DESKTOP);
  });
});

describe('item 7: signing up from an invitation link', () => {
  it('names the organisation and fills in the invited address', async () => {
    const owner = await newPage();
    const { organisationId } = await ownerWithSpace(owner, 'inviting');
    const invitee = `invitee-${stamp}@example.kz`;
    await graphql(
      owner,
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { organisationId, email: invitee } },
    );
    const mail = await server.latestMail(invitee);
    const link = /\/invitations\/accept\?token=[\w%-]+/.exec(mail)?.[0];
    expect(link).toBeTruthy();

    const page = await newPage({ viewport: PHONE });
    await page.goto(server.url + link);
    await page.locator('h1').filter({ hasText: 'Join inviting NGO' }).waitFor();
    await page.getByText(`inviting NGO invited ${invitee} to join it on Alany.`).waitFor();
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.locator('h1').filter({ hasText: 'Create your account' }).waitFor();
    await page.getByText(`inviting NGO invited ${invitee}.`).waitFor();
    await expect.poll(() => page.getByLabel('E-mail address').inputValue()).toBe(invitee);
    await expectAccessible(page, 'sign-up from an invitation');
    await page.getByLabel('Your name').fill('Invited Person');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Back on the invitation, signed in as the invited address.
    await page.waitForURL(/\/invitations\/accept\?token=/);
    await page.locator('main').getByText(invitee).first().waitFor();
  });
});

describe('item 14: no warning in the console', () => {
  it('no page load logs a warning or an error (checked over every page this file opened)', async () => {
    const page = await newPage();
    for (const address of ['/sign-in', '/sign-up', '/library', '/report/follow-up']) {
      await page.goto(server.url + address);
      await page.locator('h1').first().waitFor();
    }
    expect(consoleProblems).toEqual([]);
  });
});
