import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * The web client as served, under the server's strict Content-Security-Policy (no inline
 * script or style, `connect-src 'self'`): signed in, on a thread page with its live WebSocket,
 * not one violation.
 */
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const violations: string[] = [];
const stamp = Date.now();

type Data = Record<string, Record<string, Record<string, string>>>;

async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const response = await page.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  // Every violation the browser reports, whether or not it shows in the console.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.dispose();
});

describe('the web client under its Content-Security-Policy', () => {
  it('is served with the strict policy and cannot be framed', async () => {
    const response = await page.goto(`${server.url}/`);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // The server runs as in production (e2e/server.ts).
    expect(headers['strict-transport-security']).toMatch(/^max-age=31536000\b/);
    await page
      .getByRole('link', { name: /sign in/i })
      .first()
      .waitFor();
    expect(violations).toEqual([]);
  });

  it('works signed in, with live updates over its WebSocket, without a violation', async () => {
    await graphql('mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
      input: {
        displayName: 'Aizhan Omarova',
        email: `aizhan.${stamp}@example.kz`,
        password: 'steppe-apricot-lantern',
      },
    });
    const organisation = await graphql(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
      { input: { name: 'Open Budget', slug: `open-budget-${stamp}`, kind: 'NGO', city: 'Astana' } },
    );
    const space = await graphql(
      'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
      {
        input: {
          organisationId: organisation.createOrganisation!.organisation!.id,
          name: 'Budgets',
        },
      },
    );
    const thread = await graphql(
      'mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }',
      {
        input: {
          spaceId: space.createSpace!.space!.id,
          title: 'City budget 2027',
          body: 'What the **draft** says about school meals.',
        },
      },
    );
    const threadId = thread.createThread!.thread!.id;

    // What the page sends over its sockets: the thread's subscription, once it has subscribed.
    const sent: string[] = [];
    page.on('websocket', (socket) => {
      if (socket.url().endsWith('/graphql')) {
        socket.on('framesent', ({ payload }) => sent.push(String(payload)));
      }
    });
    await page.goto(`${server.url}/t/${threadId}`);
    await page.locator('h1').filter({ hasText: 'City budget 2027' }).waitFor();
    await page.getByText('school meals').first().waitFor();
    await expect
      .poll(() => sent.some((frame) => /"subscribe"/.test(frame) && /ThreadActivity/.test(frame)))
      .toBe(true);

    // A reply made elsewhere arrives on the open page: the socket is allowed and works.
    await graphql(
      'mutation($input: CreatePostInput!) { createPost(input: $input) { post { id } } }',
      { input: { threadId, body: `Live reply ${stamp}` } },
    );
    await page.getByText(`Live reply ${stamp}`).first().waitFor();
    // The accessibility check still reaches the page as served.
    await expectAccessible(page, 'thread under CSP');
    expect(violations).toEqual([]);
  });
});
