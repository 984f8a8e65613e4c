import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const email = `aigerim.${Date.now()}@example.kz`;
const password = 'steppe-apricot-lantern';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

const heading = () => page.locator('h1');
const fieldError = (name: string) => page.locator(`[data-field-error="${name}"]`);

/** A GraphQL request from outside the browser, as another device would make it. */
async function signInElsewhere(): Promise<void> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Mozilla/5.0 (Android 14) Firefox/133.0',
    },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
      variables: { input: { email, password } },
    }),
  });
  expect(response.ok).toBe(true);
}

describe('a person new to Alany', () => {
  it('is sent to sign in, and a guest keeps the chosen language', async () => {
    await page.goto(server.url + '/');
    await expect.poll(() => page.url()).toContain('/sign-in');
    await heading().filter({ hasText: 'Sign in to Alany' }).waitFor();
    await checkPage(page, 'sign-in');

    // The skip link is the first thing the keyboard reaches.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to main content',
    );

    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await heading().filter({ hasText: 'Вход в Alany' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.reload();
    await heading().filter({ hasText: 'Вход в Alany' }).waitFor();
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await heading().filter({ hasText: 'Sign in to Alany' }).waitFor();
  });

  it('signs up; a short password is explained beside the password field', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await heading().filter({ hasText: 'Create your account' }).waitFor();
    await checkPage(page, 'sign-up');

    await page.getByLabel('Your name').fill('Aigerim Sadykova');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await fieldError('password').waitFor();
    expect(await fieldError('password').textContent()).toContain(
      'A password needs at least 10 characters.',
    );
    const input = page.getByLabel('Password');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await fieldError('password').getAttribute('id'));
    expect(await fieldError('email').count()).toBe(0);
    await checkPage(page, 'sign-up-error');

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading().filter({ hasText: 'Welcome, Aigerim Sadykova' }).waitFor();
  });

  it('sees home with honest empty states', async () => {
    await page.getByRole('heading', { name: 'No organisations yet' }).waitFor();
    await page.getByRole('heading', { name: 'No spaces yet' }).waitFor();
    await checkPage(page, 'home');
  });

  it('lists the organisations it belongs to and the spaces open to it', async () => {
    const graphql = async (query: string, variables: Record<string, unknown>) => {
      const response = await page.request.post(`${server.url}/graphql`, {
        headers: { 'content-type': 'application/json' },
        data: { query, variables },
      });
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data as Record<string, { [key: string]: { id: string } }>;
    };
    const created = await graphql(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
      {
        input: {
          name: 'Adal Almaty',
          slug: `adal-almaty-${Date.now()}`,
          kind: 'NGO',
          city: 'Almaty',
        },
      },
    );
    await graphql(
      'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
      {
        input: {
          organisationId: created.createOrganisation!.organisation!.id,
          name: 'Procurement monitoring',
          description: 'Public tenders we follow, with our notes.',
        },
      },
    );
    await page.reload();
    await page.getByText('Adal Almaty', { exact: true }).waitFor();
    await page.getByText('Your role: Owner').waitFor();
    await page.getByText('Procurement monitoring').waitFor();
    await page.getByText('Organisation only').waitFor();
    await checkPage(page, 'home-lists');
  });

  it('switches to Russian and Kazakh, and the account remembers it', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await heading().filter({ hasText: 'Добро пожаловать, Aigerim Sadykova' }).waitFor();
    await page.getByText('Ваша роль: Владелец').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await checkPage(page, 'home-ru');

    await page.getByLabel('Язык', { exact: true }).selectOption('kk');
    await heading().filter({ hasText: 'Қош келдіңіз, Aigerim Sadykova' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('kk');
    // Saved to the account: another browser profile (no localStorage) still gets Kazakh.
    await expect
      .poll(async () => {
        const response = await page.request.post(`${server.url}/graphql`, {
          headers: { 'content-type': 'application/json' },
          data: { query: '{ viewer { locale } }' },
        });
        return ((await response.json()) as { data: { viewer: { locale: string } } }).data.viewer
          .locale;
      })
      .toBe('kk');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await heading().filter({ hasText: 'Қош келдіңіз' }).waitFor();
    await checkPage(page, 'home-kk');

    await page.getByLabel('Тіл', { exact: true }).selectOption('en');
    await heading().filter({ hasText: 'Welcome, Aigerim Sadykova' }).waitFor();
  });

  it('changes the display name in settings', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page.getByRole('heading', { name: 'Profile', level: 2 }).waitFor();
    await checkPage(page, 'settings-profile');

    const name = page.getByLabel('Your name');
    await name.fill('   ');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await fieldError('displayName').waitFor();

    await name.fill('Aigerim S.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your profile was saved.').waitFor();
    await page.getByRole('button', { name: 'Aigerim S. Account menu' }).waitFor();
  });

  it('sees its sessions, marks this one, and signs out another', async () => {
    await signInElsewhere();
    await page.getByRole('link', { name: 'Active sessions' }).click();
    await page.getByText('2 active sessions').waitFor();
    await page.getByText('This device').waitFor();
    await checkPage(page, 'settings-sessions');

    await page.getByRole('button', { name: /^Sign out the session on Firefox on Android/ }).click();
    await page.getByText('The session was signed out.').waitFor();
    await page.getByText('1 active session', { exact: true }).waitFor();
  });

  it('is told beside the field when the current password is wrong', async () => {
    await page.getByRole('link', { name: 'Password' }).click();
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password').fill('another-long-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await fieldError('currentPassword').waitFor();
    expect(await fieldError('currentPassword').textContent()).toContain(
      'The current password is wrong.',
    );
    await checkPage(page, 'settings-password');
  });

  it('signs out from the account menu and signs in again', async () => {
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await checkPage(page, 'user-menu');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await heading().filter({ hasText: 'Sign in to Alany' }).waitFor();

    await page.goto(server.url + '/settings/sessions');
    await heading().filter({ hasText: 'Sign in to Alany' }).waitFor();
    expect(page.url()).toContain('next=%2Fsettings%2Fsessions');

    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await fieldError('password').waitFor();
    expect(await fieldError('password').textContent()).toContain(
      'The e-mail address or password is wrong.',
    );
    await checkPage(page, 'sign-in-error');

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Active sessions', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/sessions');
  });

  it('shows a page that does not exist as not found', async () => {
    await page.goto(server.url + '/no/such/page');
    await heading().filter({ hasText: 'Page not found' }).waitFor();
    await checkPage(page, 'not-found');
  });

  it('says quietly that it is reconnecting when the server goes away, and recovers', async () => {
    await page.goto(server.url + '/');
    await heading().filter({ hasText: 'Welcome, Aigerim S.' }).waitFor();
    await server.stop();
    await page.getByText('Connection lost. Reconnecting…').waitFor({ timeout: 15_000 });
    await checkPage(page, 'reconnecting');
    await server.start();
    await page.getByText('Connection lost. Reconnecting…').waitFor({
      state: 'detached',
      timeout: 30_000,
    });
  });
});
