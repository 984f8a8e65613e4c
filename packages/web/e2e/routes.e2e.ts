import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/locales/en';
import { kk } from '../src/locales/kk';
import { ru } from '../src/locales/ru';
import { routes } from '../src/app/router';
import { reporterAppRoutes } from '../src/features/reports/ReporterApp';
import { DESKTOP, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 26: every route of the web client, signed out and signed in as the demo account (the
 * demo organisation, network, spaces, discussion, event, resources, risk assessment and
 * reporting), in Kazakh, Russian and English. A page fails on a console warning or error, and a
 * Kazakh or Russian page fails on English left in it: any text, label or placeholder that is
 * one of the English catalogue's messages (or the literal part of one) where that language's
 * catalogue says something else. Names and what people wrote are not in the catalogue, so they
 * never match.
 */
const DEMO = { email: 'demo@alany.kz', password: 'alany-demo-2026' };
const LOCALES = ['kk', 'ru', 'en'] as const;
type Locale = (typeof LOCALES)[number];

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

type Data = Record<string, unknown>;

async function graphql<T = Data>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors, query).toBeUndefined();
  return body.data as T;
}

/** Every message of a catalogue, plural forms included, as plain strings. */
function messages(catalogue: object): Map<string, string[]> {
  const all = new Map<string, string[]>();
  for (const [key, value] of Object.entries(catalogue)) {
    all.set(key, typeof value === 'string' ? [value] : Object.values(value as object));
  }
  return all;
}

/**
 * The English that must not appear in `locale`'s pages: each English message's literal parts
 * (split at its {placeholders}) that have a Latin letter and are not also that language's own
 * wording of the same message (brand names, "PDF", "CSV" and the like read the same in all three).
 */
function englishOnly(locale: Locale): Set<string> {
  const own = messages(locale === 'kk' ? kk : ru);
  const found = new Set<string>();
  for (const [key, texts] of messages(en)) {
    const theirs = own.get(key)?.join('\u0000') ?? '';
    for (const text of texts) {
      for (const part of text.split(/\{\w+\}/)) {
        const literal = part.trim().replace(/^[\s.,:;!?·–—()«»“”"]+|[\s.,:;!?·–—()«»“”"]+$/g, '');
        if (literal.length < 3 || !/[A-Za-z]{2}/.test(literal)) continue;
        if (theirs.includes(literal)) continue;
        found.add(literal);
      }
    }
  }
  return found;
}

/** The visible text nodes, labels and placeholders of the page, outside `lang="en"` parts. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const visible = (element: Element) =>
      !element.closest('[lang="en"]:not(html)') &&
      (element as HTMLElement).getClientRects().length > 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (!visible(parent)) continue;
      const text = node.textContent?.replace(/\s+/g, ' ').trim();
      if (text) texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (element.closest('[lang="en"]:not(html)')) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Every path pattern the client's routers know, to prove the walk misses none. */
function patterns(list: readonly { path?: string; children?: unknown[] }[], base = ''): string[] {
  const found: string[] = [];
  for (const route of list) {
    const path = route.path === undefined ? base : `${base}/${route.path}`.replace(/\/+/g, '/');
    if (route.path !== undefined) found.push(path);
    if (route.children) {
      found.push(...patterns(route.children as { path?: string; children?: unknown[] }[], path));
    }
  }
  return found;
}

interface Ids {
  spaceId: string;
  threadId: string;
  eventId: string;
  eventCode: string;
  resourceId: string;
  assessmentId: string;
  reportId: string;
}
let ids: Ids;
/** Names people gave things in the demo: never counted as English left untranslated. */
const userTexts = new Set<string>();

/** Each route pattern with a real address for it: signed out, and signed in. */
function walk(signedIn: boolean): Array<[pattern: string, address: string]> {
  const o = '/o/adal-almaty';
  const open: Array<[string, string]> = [
    ['/public/risks/:id', `/public/risks/${ids.assessmentId}`],
    ['/report/:slug', '/report/adal-almaty'],
    ['/report/follow-up', '/report/follow-up'],
    ['/library', '/library'],
    ['/e', '/e'],
    ['/e/:code', `/e/${ids.eventCode}`],
    ['/invitations/accept', '/invitations/accept'],
    ['/verify-email', '/verify-email'],
    ['/*', '/no-such-page'],
  ];
  if (!signedIn) return [['/sign-in', '/sign-in'], ['/sign-up', '/sign-up'], ...open];
  return [
    ...open,
    ['/', '/'],
    ['/events', '/events'],
    ['/events/:id', `/events/${ids.eventId}`],
    ['/events/:id/moderate', `/events/${ids.eventId}/moderate`],
    ['/events/:id/present', `/events/${ids.eventId}/present`],
    ['/resources/:id', `/resources/${ids.resourceId}`],
    ['/n/:slug', '/n/central-asia-integrity'],
    ['/organisations/new', '/organisations/new'],
    ['/o/:slug', o],
    ['/o/:slug/audit', `${o}/audit`],
    ['/o/:slug/moderation', `${o}/moderation`],
    ['/o/:slug/spaces/new', `${o}/spaces/new`],
    ['/o/:slug/reports', `${o}/reports`],
    ['/o/:slug/reports/:id', `${o}/reports/${ids.reportId}`],
    ['/o/:slug/reporting', `${o}/reporting`],
    ['/s/:id', `/s/${ids.spaceId}`],
    ['/t/:id', `/t/${ids.threadId}`],
    ['/search', '/search?q=integrity'],
    ['/notifications', '/notifications'],
    ['/risks', '/risks'],
    ['/risks/summary', '/risks/summary'],
    ['/risks/:id', `/risks/${ids.assessmentId}`],
    ['/settings', '/settings'],
    ['/settings/profile', '/settings/profile'],
    ['/settings/password', '/settings/password'],
    ['/settings/sessions', '/settings/sessions'],
    ['/settings/api-tokens', '/settings/api-tokens'],
  ];
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { ALANY_SEED_DEMO: 'true' } }),
    launchBrowser(),
  ]);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await graphql(page, 'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }', {
    input: DEMO,
  });
  // The demo content is made in the background after start-up; reporting is its last step.
  for (let waited = 0; ; waited += 500) {
    const { reportingPage } = await graphql<{ reportingPage: { enabled: boolean } }>(
      page,
      'query { reportingPage(organisationSlug: "adal-almaty") { enabled } }',
    );
    if (reportingPage.enabled) break;
    if (waited > 60_000) throw new Error('The demo content was not made within a minute.');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const found = await graphql<{
    organisation: { id: string };
    events: Array<{ id: string; code: string | null }>;
    resources: { edges: Array<{ node: { id: string } }> };
    riskAssessments: { edges: Array<{ node: { id: string } }> };
  }>(
    page,
    `
      query {
        organisation(slug: "adal-almaty") {
          id
        }
        events {
          id
          code
        }
        resources {
          edges {
            node {
              id
            }
          }
        }
        riskAssessments {
          edges {
            node {
              id
            }
          }
        }
      }
    `,
  );
  const spaces = await graphql<{
    spaces: { edges: Array<{ node: { id: string; name: string } }> };
  }>(
    page,
    'query($o: ID!) { spaces(filter: { organisationId: $o }) { edges { node { id name } } } }',
    { o: found.organisation.id },
  );
  // What people named things is theirs, in whatever language (the demo's space "Project office"
  // is also the English name of an organisation kind).
  for (const { node } of spaces.spaces.edges) userTexts.add(node.name);
  let threadId = '';
  let spaceId = '';
  for (const { node } of spaces.spaces.edges) {
    const threads = await graphql<{ threads: { edges: Array<{ node: { id: string } }> } }>(
      page,
      'query($s: ID!) { threads(spaceId: $s) { edges { node { id } } } }',
      { s: node.id },
    );
    if (threads.threads.edges[0]) {
      threadId = threads.threads.edges[0].node.id;
      spaceId = node.id;
      break;
    }
  }
  const event = found.events.find((e) => e.code);

  // A report, sent as a reporter would (the proof of work is solved in the page).
  const reporter = await (
    await browser.newContext({ viewport: DESKTOP, locale: 'en-US' })
  ).newPage();
  contexts.push(reporter.context());
  await reporter.goto(`${server.url}/report/adal-almaty`);
  await reporter.getByLabel('What is it about?').selectOption('Bribery');
  await reporter.getByLabel('A short title').fill('Route walk report');
  await reporter.getByLabel('Describe what happened').fill('Sent by the route walk.');
  await reporter.getByRole('button', { name: 'Send the report' }).click();
  await reporter.locator('[data-receipt]').waitFor({ timeout: 60_000 });
  const reports = await graphql<{ reports: { edges: Array<{ node: { id: string } }> } }>(
    page,
    'query($o: ID!) { reports(organisationId: $o) { edges { node { id } } } }',
    { o: found.organisation.id },
  );

  ids = {
    spaceId,
    threadId,
    eventId: event?.id ?? '',
    eventCode: event?.code ?? '',
    resourceId: found.resources.edges[0]?.node.id ?? '',
    assessmentId: found.riskAssessments.edges[0]?.node.id ?? '',
    reportId: reports.reports.edges[0]?.node.id ?? '',
  };
  for (const [name, value] of Object.entries(ids)) expect(value, name).not.toBe('');
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

it('the walk covers every route of both routers', () => {
  const known = new Set([
    ...patterns(routes as Parameters<typeof patterns>[0]),
    ...patterns(reporterAppRoutes as Parameters<typeof patterns>[0]),
  ]);
  // Hand-over paths that only reload the page into the reporter's client.
  known.delete('/report/*');
  const walked = new Set([...walk(false), ...walk(true)].map(([pattern]) => pattern));
  expect([...known].filter((pattern) => !walked.has(pattern)).sort()).toEqual([]);
});

/** Opens `address` and waits until nothing on it is loading any more. */
async function settle(page: Page, address: string) {
  await page.goto(server.url + address);
  await page.locator('h1').first().waitFor({ timeout: 20_000 });
  await expect
    .poll(() => page.locator('.loading, [aria-busy="true"]').count(), { timeout: 20_000 })
    .toBe(0);
  await page.waitForTimeout(150);
}

describe.each(LOCALES)('in %s', (locale) => {
  const english = locale === 'en' ? new Set<string>() : englishOnly(locale);

  for (const signedIn of [false, true]) {
    it(`every route ${signedIn ? 'signed in' : 'signed out'}: no English left, no console warning`, async () => {
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
      contexts.push(context);
      await context.addInitScript((code) => localStorage.setItem('alany.locale', code), locale);
      const page = await context.newPage();
      let current = '';
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') {
          problems.push(`${current}: console ${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`${current}: page error: ${error.message}`));
      if (signedIn) {
        await graphql(
          page,
          'mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }',
          { input: DEMO },
        );
        // Signed in, the interface speaks the account's language.
        await graphql(
          page,
          'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }',
          { input: { locale } },
        );
      }
      for (const [, address] of walk(signedIn)) {
        current = address;
        await settle(page, address);
        expect(await page.getAttribute('html', 'lang'), address).toBe(locale);
        for (const text of await pageTexts(page)) {
          if (userTexts.has(text)) continue;
          // A whole text that is an English message, or a long English sentence inside one
          // (short words such as "Report" also occur in what people wrote, in English).
          const left = [...english].find(
            (literal) => text === literal || (literal.length >= 25 && text.includes(literal)),
          );
          if (left) problems.push(`${address}: English “${left}” in “${text}”`);
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
