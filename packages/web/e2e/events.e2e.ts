import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser, PHONE } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 7: a whole public dialogue. The organiser publishes; a guest joins by code on a phone
 * and asks; the moderator approves; a second participant upvotes; the presenter screen shows
 * the question with its count, and a poll's chart follows the votes, all without reloading.
 */
let server: RunningServer;
let browser: Browser;
let organiserContext: BrowserContext;
let guestContext: BrowserContext;
let secondContext: BrowserContext;
let organiser: Page;
let presenter: Page;
let guest: Page;
let second: Page;

const stamp = Date.now();
const password = 'steppe-apricot-lantern';
let spaceId = '';
let eventUrl = '';
let code = '';

async function graphql(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const response = await page.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as {
    data?: Record<string, Record<string, { id: string }>>;
    errors?: unknown;
  };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  organiserContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  guestContext = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true });
  secondContext = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true });
  organiser = await organiserContext.newPage();
  guest = await guestContext.newPage();
  second = await secondContext.newPage();

  await graphql(
    organiser,
    'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }',
    {
      input: {
        displayName: 'Aigerim Sadykova',
        email: `aigerim.${stamp}@example.kz`,
        password,
      },
    },
  );
  const organisation = await graphql(
    organiser,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: 'Project office', slug: `office-${stamp}`, kind: 'PROJECT_OFFICE' } },
  );
  const space = await graphql(
    organiser,
    'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
    {
      input: {
        organisationId: organisation.createOrganisation!.organisation!.id,
        name: 'Public dialogues',
        visibility: 'PUBLIC',
      },
    },
  );
  spaceId = space.createSpace!.space!.id;
});

afterAll(async () => {
  await organiserContext?.close();
  await guestContext?.close();
  await secondContext?.close();
  await browser?.close();
  await server?.dispose();
});

const heading = (page: Page, text: string) => page.locator('h1').filter({ hasText: text });

describe('a public dialogue, live', () => {
  it('the organiser plans the event from the space page and publishes it', async () => {
    await organiser.goto(`${server.url}/s/${spaceId}`);
    await organiser.getByRole('heading', { name: 'No events yet' }).waitFor();
    await organiser.getByRole('button', { name: 'Plan an event' }).click();
    await organiser.getByLabel('Title').fill('Road repairs: where does the money go?');
    await organiser.getByLabel('Place').fill('Almaty, City Hall, room 3');
    await organiser.getByRole('button', { name: 'Create draft' }).click();
    await heading(organiser, 'Road repairs: where does the money go?').waitFor();
    eventUrl = organiser.url();
    await organiser.getByText('Draft', { exact: true }).waitFor();
    await checkPage(organiser, 'event-draft');

    await organiser.getByRole('button', { name: 'Publish' }).click();
    await organiser.getByRole('heading', { name: 'Join code' }).waitFor();
    code = (await organiser.locator('.join-code__value').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await checkPage(organiser, 'event');
  });

  it('an unknown code is said plainly', async () => {
    await guest.goto(`${server.url}/e/ZZZZZZ`);
    await heading(guest, 'No event with this code').waitFor();
  });

  it('a guest joins by code on a phone and asks; the question waits for a moderator', async () => {
    await guest.goto(`${server.url}/e/${code.toLowerCase()}`);
    await heading(guest, 'Road repairs').waitFor();
    await guest.getByRole('button', { name: 'Join' }).click();
    await guest.locator('[data-field-error="displayName"]').waitFor();
    await guest.getByLabel('Your name').fill('Asel');
    await guest.getByRole('button', { name: 'Join' }).click();
    await guest.getByRole('heading', { name: 'Ask a question' }).waitFor();
    await checkPage(guest, 'audience');
    // The guest's journey goes on on the phone it started on.
    expect(guest.viewportSize()).toEqual(PHONE);

    await guest.getByLabel('Your question').fill('Why did the cost per kilometre double?');
    await guest.getByRole('button', { name: 'Send question' }).click();
    await guest.getByText('Your question appears once a moderator approves it.').waitFor();
  });

  it('the moderator approves with the keyboard; the guest sees it arrive', async () => {
    await organiser.goto(`${eventUrl}/moderate`);
    await heading(organiser, 'Moderation').waitFor();
    const question = organiser.getByRole('listitem', {
      name: 'Why did the cost per kilometre double?',
    });
    await question.waitFor();
    await organiser.getByRole('heading', { name: /Keyboard shortcuts/ }).waitFor();
    await question.focus();
    await organiser.keyboard.press('a');
    await organiser
      .getByRole('region', { name: /On screen/ })
      .getByText('Why did the cost per kilometre double?')
      .waitFor();
    await checkPage(organiser, 'moderate');

    await guest.getByText('Why did the cost per kilometre double?').waitFor();
  });

  it('a second participant upvotes; the presenter screen shows the count without reloading', async () => {
    presenter = await organiserContext.newPage();
    await presenter.goto(`${eventUrl}/present`);
    const row = presenter
      .locator('.presenter__question')
      .filter({ hasText: 'Why did the cost per kilometre double?' });
    await row.waitFor();
    expect(await row.locator('.presenter__votes strong').textContent()).toBe('0');

    await second.goto(`${server.url}/e/${code}`);
    await second.getByLabel('Your name').fill('Timur');
    await second.getByRole('button', { name: 'Join' }).click();
    const upvote = second.getByRole('button', { name: 'Upvote, 0 votes' });
    await upvote.click();
    await second.getByRole('button', { name: 'Upvote, 1 vote' }).waitFor();
    expect(
      await second.getByRole('button', { name: 'Upvote, 1 vote' }).getAttribute('aria-pressed'),
    ).toBe('true');

    await expect.poll(() => row.locator('.presenter__votes strong').textContent()).toBe('1');
    await guest.getByRole('button', { name: 'Upvote, 1 vote' }).waitFor();
    await checkPage(presenter, 'presenter');
  });

  it('a poll opens and its chart follows the votes', async () => {
    await organiser.getByLabel('Question', { exact: true }).fill('Publish every contract in full?');
    await organiser.getByLabel('Options').fill('Yes\nNo\nNot sure');
    await organiser.getByRole('button', { name: 'Create poll' }).click();
    await organiser.getByRole('button', { name: 'Open poll' }).click();
    await organiser.getByRole('button', { name: 'Close poll' }).waitFor();

    await presenter.getByText('Publish every contract in full?').waitFor();
    const value = (option: string) =>
      presenter.locator(`.chart__row[data-option="${option}"] .chart__value`).textContent();

    await guest.getByRole('radio', { name: 'Yes', exact: true }).check();
    await guest.getByRole('button', { name: 'Vote', exact: true }).click();
    await guest.getByRole('button', { name: 'Change my vote' }).waitFor();
    await expect.poll(() => value('Yes')).toBe('1 · 100%');
    await checkPage(guest, 'audience-poll');

    await second.getByRole('radio', { name: 'No', exact: true }).check();
    await second.getByRole('button', { name: 'Vote', exact: true }).click();
    await expect.poll(() => value('Yes')).toBe('1 · 50%');
    await expect.poll(() => value('No')).toBe('1 · 50%');
    await checkPage(presenter, 'presenter-poll');
    await checkPage(organiser, 'moderate-poll');
  });

  it('speaks Kazakh and Russian to the audience', async () => {
    await guest.getByLabel('Language', { exact: true }).selectOption('kk');
    await guest.getByRole('heading', { name: 'Сұрақ қою' }).waitFor();
    await checkPage(guest, 'audience-kk');
    await guest.getByLabel('Тіл', { exact: true }).selectOption('ru');
    await guest.getByRole('heading', { name: 'Задать вопрос' }).waitFor();
    await checkPage(guest, 'audience-ru');
  });
});
