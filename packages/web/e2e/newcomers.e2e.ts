import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, SCREENSHOTS } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 26 (what newcomers trip over), items 1 and 10, in Chromium at 1280×800 and 390×844:
 * other guests see a named question under its asker's name; mentions in discussions stand out
 * (the reader's own apart), the opening post has reactions and an edit button like replies, and
 * a thread's mention and a reply's read differently in the notifications.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
// The committed shots are refreshed on request (E2E_DOC_SCREENSHOTS=1); every other run, CI's
// included, writes to the ignored screenshots folder and leaves the tree clean.
const DOCS_SCREENSHOTS = process.env.E2E_DOC_SCREENSHOTS
  ? path.resolve(here, '../../../docs/screenshots')
  : SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

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

async function newPage(viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  return context.newPage();
}

/** Shots at both sizes into docs/screenshots/, for the issue. */
async function docsScreenshots(page: Page, name: string) {
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const [label, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    await expectAccessible(page, `${name} (${label})`);
    await page.screenshot({ path: path.join(DOCS_SCREENSHOTS, `${name}-${label}.png`) });
  }
  if (original) await page.setViewportSize(original);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

describe('a named question, seen by another guest', () => {
  it("shows the asker's chosen name to the rest of the audience, not «Anonymous»", async () => {
    const organiser = await newPage();
    await graphql(
      organiser,
      'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }',
      {
        input: { displayName: 'Aigerim Sadykova', email: `org.${stamp}@example.kz`, password },
      },
    );
    const organisationId = (
      (
        await graphql(
          organiser,
          'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
          { input: { name: 'Adal Taraz', slug: `taraz-${stamp}`, kind: 'NGO' } },
        )
      ).createOrganisation!.organisation as { id: string }
    ).id;
    const spaceId = (
      (
        await graphql(
          organiser,
          'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
          { input: { organisationId, name: 'Dialogues', visibility: 'PUBLIC' } },
        )
      ).createSpace!.space as { id: string }
    ).id;
    const eventId = (
      (
        await graphql(
          organiser,
          'mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }',
          {
            input: {
              spaceId,
              title: 'Open budget hearing',
              startsAt: new Date(Date.now() - 3_600_000).toISOString(),
              endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
              questionModeration: 'POST',
              allowAnonymousQuestions: true,
            },
          },
        )
      ).createEvent!.event as { id: string }
    ).id;
    const code = (
      (
        await graphql(
          organiser,
          'mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { code } } }',
          { id: eventId },
        )
      ).publishEvent!.event as { code: string }
    ).code;

    const join = async (page: Page, name: string) => {
      await page.goto(`${server.url}/e/${code}`);
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.getByRole('heading', { name: 'Ask a question' }).waitFor();
    };
    const asker = await newPage(PHONE);
    await join(asker, 'Ерлан');
    await asker.getByLabel('Your question').fill('Why is the school repair budget not published?');
    await asker.getByRole('button', { name: 'Send question' }).click();
    await asker.getByText('Thank you. Your question is in the list.').waitFor();

    const neighbour = await newPage(PHONE);
    await join(neighbour, 'Айгүл');
    const question = neighbour
      .locator('.question')
      .filter({ hasText: 'Why is the school repair budget not published?' });
    await question.waitFor();
    await expect.poll(() => question.locator('.list__meta').textContent()).toContain('Ерлан');
    expect(await question.locator('.list__meta').textContent()).not.toContain('Anonymous');

    // A second named question, seen on the neighbour's next visit (live arrival of a new
    // question on an open audience page is not checked here: see the report of issue #26).
    await asker.getByLabel('Your question').fill('Who checks the contractor?');
    await asker.getByRole('button', { name: 'Send question' }).click();
    await asker.getByText('Who checks the contractor?').waitFor();
    await neighbour.reload();
    const second = neighbour.locator('.question').filter({ hasText: 'Who checks the contractor?' });
    await second.waitFor();
    expect(await second.locator('.list__meta').textContent()).toContain('Ерлан');
    await docsScreenshots(neighbour, 'question-author');
  });
});

describe('mentions and the opening post', () => {
  let a: Page;
  let b: Page;
  let threadUrl = '';
  let handleB = '';

  beforeAll(async () => {
    a = await newPage();
    b = await newPage();
    const signUp = async (page: Page, displayName: string, email: string) => {
      const data = await graphql(
        page,
        'mutation($input: SignUpInput!) { signUp(input: $input) { user { id handle } } }',
        { input: { displayName, email, password } },
      );
      const proof = /verify-email\?token=([^\s&]+)/.exec(
        await server.latestMail(email, 'email-verification'),
      )?.[1];
      await graphql(
        page,
        'mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { emailVerified } }',
        { input: { token: decodeURIComponent(proof!) } },
      );
      return (data.signUp!.user as { handle: string }).handle;
    };
    const emailB = `dana.${stamp}@example.kz`;
    await signUp(a, 'Aigerim Sadykova', `aigerim.${stamp}@example.kz`);
    handleB = await signUp(b, 'Dana Serikova', emailB);
    const organisationId = (
      (
        await graphql(
          a,
          'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
          { input: { name: 'Adal Shymkent', slug: `shymkent-${stamp}`, kind: 'NGO' } },
        )
      ).createOrganisation!.organisation as { id: string }
    ).id;
    await graphql(
      a,
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { organisationId, email: emailB, role: 'MEMBER' } },
    );
    const token = /token=([^\s&]+)/.exec(await server.latestMail(emailB, 'invitation'))?.[1];
    await graphql(
      b,
      'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { membership { id } } }',
      { input: { token: decodeURIComponent(token!) } },
    );
    const spaceId = (
      (
        await graphql(
          a,
          'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
          { input: { organisationId, name: 'Procurement monitoring' } },
        )
      ).createSpace!.space as { id: string }
    ).id;
    const threadId = (
      (
        await graphql(
          a,
          'mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }',
          {
            input: {
              spaceId,
              title: 'Road tender in Sairam',
              body: `@${handleB} could you compare the bids with last year's?`,
            },
          },
        )
      ).createThread!.thread as { id: string }
    ).id;
    await graphql(
      a,
      'mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }',
      { input: { threadId, body: `The portal has the protocols now, @${handleB}.` } },
    );
    threadUrl = `${server.url}/t/${threadId}`;
  });

  it('tells a thread’s mention from a reply’s in the notifications', async () => {
    await b.goto(`${server.url}/notifications`);
    const items = b.locator('.list__item');
    await expect.poll(() => items.count()).toBe(2);
    const texts = await items.locator('.list__title').allTextContents();
    expect(texts.some((text) => text.includes('mentioned you in a new thread'))).toBe(true);
    expect(texts.some((text) => text.includes('mentioned you in a reply in'))).toBe(true);
    expect(new Set(texts).size).toBe(2);
    await docsScreenshots(b, 'notifications-mentions');
  });

  it('marks mentions, the reader’s own apart, and gives the opening post reactions', async () => {
    await b.goto(threadUrl);
    const opening = b.getByRole('article', { name: 'Opening post' });
    await opening.waitFor();
    const mine = opening.locator('.mention.mention--me');
    await mine.waitFor();
    expect(await mine.textContent()).toBe(`@${handleB}`);
    expect(await mine.getAttribute('title')).toBe('Dana Serikova');
    await b.locator('.post__body .mention.mention--me').waitFor();

    const thanks = opening.getByRole('button', { name: /^Thanks/ });
    expect(await thanks.getAttribute('aria-pressed')).toBe('false');
    await thanks.click();
    await expect.poll(() => thanks.getAttribute('aria-pressed')).toBe('true');
    expect(await thanks.locator('.reaction__count').textContent()).toBe('1');
    // Not the author: no edit button on someone else's opening post.
    expect(await opening.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await docsScreenshots(b, 'thread-mentions');
  });

  it('the author edits the opening post like a reply', async () => {
    await a.goto(threadUrl);
    const opening = a.getByRole('article', { name: 'Opening post' });
    await opening.getByRole('button', { name: 'Edit' }).click();
    const editor = opening.getByRole('textbox', { name: 'Edit the opening post' });
    await editor.fill(`@${handleB} could you compare the bids with 2025 and 2024?`);
    await opening.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await opening
      .locator('.prose')
      .getByText('could you compare the bids with 2025 and 2024?')
      .waitFor();
    // Seen by another reader's mark-up too: the mention stays a mention.
    expect(await opening.locator('.mention').count()).toBe(1);
  });
});
