import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser, PHONE } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 17 (item 2), the browser's side: a credential that ends elsewhere is not used again. A
 * session signed out on another device ends this tab's live connection (close code 4403); the
 * tab then shows the person signed out, says why, and drops the dead cookie. A stored guest
 * token the server refuses is forgotten and the audience page offers its join form again.
 */

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const stamp = Date.now();
const password = 'willow-canyon-ember';
const SESSION_ENDED = 'You were signed out on another device or your session ended.';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  return context.newPage();
}

const heading = (page: Page, text: string) => page.locator('h1').filter({ hasText: text });

/** The session cookie's value in the page's browser context ('' once cleared). */
async function sessionCookie(page: Page): Promise<string> {
  const cookies = await page.context().cookies(server.url);
  return cookies.find((cookie) => cookie.name === 'alany_session')?.value ?? '';
}

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/sign-in`);
  await heading(page, 'Sign in to Alany').waitFor();
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A GraphQL call as a browser would make it, keeping the session cookie. */
async function api(
  cookie: { value: string },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, Record<string, unknown>>> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie.value && { cookie: cookie.value }) },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie.value = setCookie.split(';')[0] ?? '';
  const body = (await response.json()) as {
    data?: Record<string, Record<string, unknown>>;
    errors?: unknown[];
  };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('at %s size', (label, size) => {
  it('a session signed out on another device: this tab shows it signed out and says why', async () => {
    const email = `nurlan.${label}.${stamp}@example.kz`;
    const here = await newPage(size);
    await here.goto(`${server.url}/sign-up`);
    await here.getByLabel('Your name').fill('Nurlan Omarov');
    await here.getByLabel('E-mail address').fill(email);
    await here.getByLabel('Password').fill(password);
    await here.getByRole('button', { name: 'Create account' }).click();
    await heading(here, 'Welcome, Nurlan Omarov').waitFor();
    await here.goto(`${server.url}/settings`);
    await heading(here, 'Settings').waitFor();
    expect(await sessionCookie(here)).not.toBe('');
    // The live connection is up (the settings page is open with its socket).
    await here.waitForTimeout(500);

    // Another device, same person: signs in and signs the first session out.
    const there = await newPage(DESKTOP);
    await signIn(there, email);
    await there.goto(`${server.url}/settings/sessions`);
    await there.getByText('2 active sessions').waitFor();
    const revoke = there.getByRole('button', { name: /^Sign out the session on/ });
    await revoke.waitFor();
    expect(await revoke.count()).toBe(1);
    await revoke.click();
    await there.getByText('The session was signed out.').waitFor();

    // The first tab learns it at once, from its socket, without the person doing anything.
    await here.getByText(SESSION_ENDED).waitFor({ timeout: 15_000 });
    await heading(here, 'Sign in to Alany').waitFor();
    await expect.poll(() => sessionCookie(here)).toBe('');
    await checkPage(here, `session-ended-${label}`);

    // Signing in again here takes the notice away.
    await here.getByLabel('E-mail address').fill(email);
    await here.getByLabel('Password').fill(password);
    await here.getByRole('button', { name: 'Sign in' }).click();
    await here.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await here.getByRole('button', { name: /Account menu/ }).waitFor();
    expect(await here.getByText(SESSION_ENDED).count()).toBe(0);

    // Signing out here is no news from elsewhere: no such notice.
    await here.getByRole('button', { name: /Account menu/ }).click();
    await here.getByRole('button', { name: 'Sign out', exact: true }).click();
    await here.getByText('You have signed out.').waitFor();
    await here.waitForTimeout(1_500);
    expect(await here.getByText(SESSION_ENDED).count()).toBe(0);
  });

  it('a stored guest token the server refuses: forgotten, and the join form is back', async () => {
    const organiser = { value: '' };
    await api(
      organiser,
      `mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`,
      {
        input: {
          displayName: 'Aliya Organiser',
          email: `aliya.${label}.${stamp}@example.kz`,
          password,
        },
      },
    );
    const { createOrganisation } = await api(
      organiser,
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`,
      { input: { name: 'Taza Qala', slug: `taza-qala-${label}-${stamp}`, kind: 'NGO' } },
    );
    const organisationId = (createOrganisation!.organisation as { id: string }).id;
    const { createSpace } = await api(
      organiser,
      `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
      { input: { organisationId, name: 'Hearings' } },
    );
    const spaceId = (createSpace!.space as { id: string }).id;
    const start = Date.now() + 3_600_000;
    const { createEvent } = await api(
      organiser,
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
      {
        input: {
          spaceId,
          title: 'Park budget hearing',
          startsAt: new Date(start).toISOString(),
          endsAt: new Date(start + 7_200_000).toISOString(),
        },
      },
    );
    const eventId = (createEvent!.event as { id: string }).id;
    const { publishEvent } = await api(
      organiser,
      `mutation($input: EventIdInput!) { publishEvent(input: $input) { event { code } } }`,
      { input: { eventId } },
    );
    const code = (publishEvent!.event as { code: string }).code;

    // A token this browser kept that the server no longer knows (its event's guests were
    // removed, or it expired).
    const guest = await newPage(size);
    await guest.goto(`${server.url}/e/${code}`);
    await heading(guest, 'Park budget hearing').waitFor();
    await guest.evaluate(
      ([key, token]) => sessionStorage.setItem(key!, token!),
      [`alany.guest.${code}`, `guest_${'x'.repeat(43)}`],
    );
    const refusedSockets: number[] = [];
    guest.on('websocket', (socket) => {
      socket.on('close', () => refusedSockets.push(Date.now()));
    });
    await guest.reload();

    await guest.getByText('Your place at this event has ended. Join again to take part.').waitFor();
    await guest.getByRole('button', { name: 'Join' }).waitFor();
    expect(await guest.evaluate((key) => sessionStorage.getItem(key), `alany.guest.${code}`)).toBe(
      null,
    );
    // No socket goes on being refused with the dead token.
    await guest.waitForTimeout(3_000);
    expect(refusedSockets.length).toBeLessThanOrEqual(1);
    await checkPage(guest, `guest-token-refused-${label}`);

    // Joining again works and takes the message away.
    await guest.getByLabel('Your name').fill('Marat');
    await guest.getByRole('button', { name: 'Join' }).click();
    await guest.getByRole('heading', { name: 'Ask a question' }).waitFor();
    expect(
      await guest.getByText('Your place at this event has ended. Join again to take part.').count(),
    ).toBe(0);
  });
});
