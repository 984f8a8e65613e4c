import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 5: two people in two browsers. One posts, the other sees it arrive and reacts; the
 * first sees the count change; a mention rings the bell; a moderator hides a post and it
 * vanishes for the other.
 */
let server: RunningServer;
let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
/** A third member who only uses the API: the moderator hides their reply. */
let contextC: BrowserContext;
let a: Page;
let b: Page;

const stamp = Date.now();
const emailA = `aigerim.${stamp}@example.kz`;
const emailB = `daniyar.${stamp}@example.kz`;
const emailC = `saule.${stamp}@example.kz`;
const password = 'steppe-apricot-lantern';
const slug = `adal-${stamp}`;
let spaceId = '';
let threadUrl = '';
let handleA = '';

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

/** The newest e-mail to `to`, as delivered (the outbox keeps no live link). */
function latestEmail(to: string, kind?: string): Promise<string> {
  return server.latestMail(to, kind);
}

const VERIFY_EMAIL =
  'mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { emailVerified } }';

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { user { id handle } } }';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  contextA = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  contextB = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  a = await contextA.newPage();
  b = await contextB.newPage();

  // The organisation, its space and a second member, through the API: the journey is elsewhere.
  const signedUpA = await graphql(a, SIGN_UP, {
    input: { displayName: 'Aigerim Sadykova', email: emailA, password },
  });
  handleA = (signedUpA.signUp!.user as { handle: string }).handle;
  const organisation = await graphql(
    a,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: 'Adal Almaty', slug, kind: 'NGO', city: 'Almaty' } },
  );
  const organisationId = (organisation.createOrganisation!.organisation as { id: string }).id;
  const space = await graphql(
    a,
    'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
    { input: { organisationId, name: 'Procurement monitoring' } },
  );
  spaceId = (space.createSpace!.space as { id: string }).id;
  contextC = await browser.newContext();
  const c = await contextC.newPage();
  for (const [page, email, displayName] of [
    [b, emailB, 'Daniyar Bekov'],
    [c, emailC, 'Saule Nurlanova'],
  ] as const) {
    await graphql(
      a,
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { organisationId, email, role: 'MEMBER' } },
    );
    const token = /token=([^\s&]+)/.exec(await latestEmail(email, 'invitation'))?.[1];
    expect(token).toBeTruthy();
    await graphql(page, SIGN_UP, { input: { displayName, email, password } });
    const proof = /verify-email\?token=([^\s&]+)/.exec(
      await latestEmail(email, 'email-verification'),
    )?.[1];
    await graphql(page, VERIFY_EMAIL, { input: { token: decodeURIComponent(proof!) } });
    await graphql(
      page,
      'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }',
      { input: { token: decodeURIComponent(token!) } },
    );
  }
});

afterAll(async () => {
  await contextA?.close();
  await contextB?.close();
  await contextC?.close();
  await browser?.close();
  await server?.dispose();
});

const heading = (page: Page, text: string) => page.locator('h1').filter({ hasText: text });
const bell = (page: Page) => page.getByRole('link', { name: /^Notifications/ });

describe('discussions between two members, live', () => {
  it('A starts a discussion from the space page, with a preview of the Markdown', async () => {
    await a.goto(`${server.url}/s/${spaceId}`);
    await heading(a, 'Procurement monitoring').waitFor();
    await a.getByRole('heading', { name: 'No discussions yet' }).waitFor();
    await checkPage(a, 'space-discussions-empty');

    await a.getByRole('button', { name: 'Start a discussion' }).click();
    await a.getByRole('button', { name: 'Publish discussion' }).click();
    await a.locator('[data-field-error="title"]').waitFor();

    await a.getByLabel('Title').fill('Road repair tenders in Almaty');
    await a
      .getByLabel('What would you like to discuss?')
      .fill('Prices look **inflated**. <script>alert(1)</script>');
    await a.getByLabel('Tags').fill('procurement, roads');
    await a.getByRole('tab', { name: 'Preview' }).click();
    await a.locator('.editor__preview strong').filter({ hasText: 'inflated' }).waitFor();
    expect(await a.locator('.editor__preview script').count()).toBe(0);
    await checkPage(a, 'new-thread-preview');

    await a.getByRole('button', { name: 'Publish discussion' }).click();
    await heading(a, 'Road repair tenders in Almaty').waitFor();
    threadUrl = a.url();
    expect(new URL(threadUrl).pathname).toMatch(/^\/t\//);
  });

  it('B sees it in the space list with an unread marker, opens it, and A’s reply arrives live', async () => {
    await b.goto(`${server.url}/s/${spaceId}`);
    await b.getByRole('link', { name: 'Road repair tenders in Almaty' }).waitFor();
    await b.getByRole('button', { name: 'Show only #roads' }).click();
    await b.getByRole('link', { name: 'Road repair tenders in Almaty' }).waitFor();
    await checkPage(b, 'space-discussions');
    await b.getByRole('link', { name: 'Road repair tenders in Almaty' }).click();
    await heading(b, 'Road repair tenders in Almaty').waitFor();
    await b.getByText('No replies yet.').waitFor();

    await a.getByLabel('Reply', { exact: true }).fill('We should compare the *tender* prices.');
    await a.getByRole('button', { name: 'Post reply' }).click();
    await a.getByRole('article', { name: 'Reply by Aigerim Sadykova' }).waitFor();

    // No reload: the reply comes through the subscription.
    await b.getByRole('article', { name: 'Reply by Aigerim Sadykova' }).waitFor();
    await b.getByText('We should compare the').waitFor();
  });

  it('B reacts, and A sees the count change', async () => {
    const like = b
      .getByRole('article', { name: 'Reply by Aigerim Sadykova' })
      .getByRole('button', { name: /^Like \d/ });
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    await like.click();
    await b.getByRole('button', { name: 'Like 1' }).waitFor();
    expect(await b.getByRole('button', { name: 'Like 1' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    const seenByA = a.getByRole('button', { name: 'Like 1' });
    await seenByA.waitFor();
    expect(await seenByA.getAttribute('aria-pressed')).toBe('false');
  });

  it('B mentions A with the picker, and A’s bell rises without reloading', async () => {
    expect(await bell(a).getAttribute('aria-label')).toBe('Notifications');
    const reply = b.getByLabel('Reply', { exact: true });
    await reply.click();
    await reply.pressSequentially(`Agreed, @${handleA.slice(0, 3)}`);
    const option = b.getByRole('option', { name: new RegExp(`@${handleA}`) });
    await option.waitFor();
    await checkPage(b, 'mention-picker');
    await reply.press('Enter');
    expect(await reply.inputValue()).toBe(`Agreed, @${handleA} `);
    await reply.pressSequentially('I will collect the numbers.');
    await b.getByRole('button', { name: 'Post reply' }).click();
    await b.getByRole('article', { name: 'Reply by Daniyar Bekov' }).waitFor();

    await a.getByRole('article', { name: 'Reply by Daniyar Bekov' }).waitFor();
    await a.getByRole('link', { name: 'Notifications, 1 unread' }).waitFor();
    await checkPage(a, 'thread');
  });

  it('B reports A’s reply; A sees it in the moderation queue', async () => {
    const post = b.getByRole('article', { name: 'Reply by Aigerim Sadykova' });
    await post.getByRole('button', { name: 'Report to moderators' }).click();
    await post.getByLabel('What is wrong with it?').fill('Names a person without evidence');
    await post.getByRole('button', { name: 'Send report' }).click();
    await post.getByText('Thank you. The moderators will look at it.').waitFor();

    const queue = await a.context().newPage();
    await queue.goto(`${server.url}/o/${slug}`);
    await queue.getByRole('link', { name: 'Moderation queue' }).click();
    await heading(queue, 'Moderation queue').waitFor();
    await queue.getByText('Names a person without evidence').waitFor();
    await checkPage(queue, 'moderation-queue');
    await queue.close();
  });

  it('A, a moderator, hides a third member’s reply and it vanishes for B at once', async () => {
    const c = contextC.pages()[0]!;
    const threadId = new URL(threadUrl).pathname.split('/').pop();
    await graphql(
      c,
      'mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }',
      { input: { threadId, body: 'Here is the name of the contractor’s owner.' } },
    );
    await b.getByRole('article', { name: 'Reply by Saule Nurlanova' }).waitFor();
    const post = a.getByRole('article', { name: 'Reply by Saule Nurlanova' });
    await post.getByRole('button', { name: 'Hide' }).click();
    await post.getByText('Hidden from members').waitFor();
    await b
      .getByRole('article', { name: 'Reply by Saule Nurlanova' })
      .waitFor({ state: 'detached' });
    await b.getByRole('article', { name: 'Reply by Aigerim Sadykova' }).waitFor();
    await checkPage(b, 'thread-member');
    await checkPage(a, 'thread-moderator');
  });

  it('A reads the mention; the bell clears', async () => {
    await bell(a).click();
    await heading(a, 'Notifications').waitFor();
    await a.getByText('Daniyar Bekov mentioned you in').waitFor();
    await a.getByRole('link', { name: 'Notifications' }).first().waitFor();
    await expect.poll(() => bell(a).getAttribute('aria-label')).toBe('Notifications');
    await checkPage(a, 'notifications');
  });

  it('A finds the discussion by search, with the match marked', async () => {
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await heading(a, 'Search').waitFor();
    await a.getByLabel('Search for').fill('tender');
    await a.getByRole('button', { name: 'Search', exact: true }).click();
    await a.getByRole('heading', { name: 'Results for “tender”' }).waitFor();
    expect(await a.locator('.snippet mark').count()).toBeGreaterThan(0);
    await checkPage(a, 'search');
  });

  it('reads in Russian and Kazakh', async () => {
    await a.goto(threadUrl);
    await heading(a, 'Road repair tenders in Almaty').waitFor();
    await a.getByLabel('Language', { exact: true }).selectOption('ru');
    await a.getByRole('button', { name: 'Отправить ответ' }).waitFor();
    await checkPage(a, 'thread-ru');
    await a.getByLabel('Язык', { exact: true }).selectOption('kk');
    await a.getByRole('button', { name: 'Жауап жіберу' }).waitFor();
    await checkPage(a, 'thread-kk');
  });
});
