import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, expectAccessible, launchBrowser, PHONE, SCREENSHOTS } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 26: a failed report on a phone showed nothing — the messages were ~800 px above the
 * viewport, focus stayed on the button. The error summary at the top of the form must take
 * focus and be on screen, at phone and desktop size, for the form's own checks and for the
 * server's answer; each of its links moves focus to its field.
 */

let server: RunningServer;
let browser: Browser;
const stamp = Date.now();
const slug = `summary-office-${stamp}`;

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
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  const email = `aliya.${stamp}@example.kz`;
  const signedUp = await graphql(
    page,
    'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }',
    { input: { displayName: 'Aliya Nurlanovna', email, password: 'steppe-apricot-lantern' } },
  );
  const proof = /verify-email\?token=([^\s&]+)/.exec(
    await server.latestMail(email, 'email-verification'),
  )?.[1];
  await graphql(
    page,
    'mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { emailVerified } }',
    { input: { token: decodeURIComponent(proof!) } },
  );
  const organisation = await graphql(
    page,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: 'Summary Audit Office', slug, kind: 'PROJECT_OFFICE' } },
  );
  await graphql(
    page,
    'mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }',
    {
      input: {
        organisationId: organisation.createOrganisation!.organisation!.id,
        enabled: true,
        intro:
          'Our compliance officer reads every report. We answer within a week and never try to find out who you are.',
        categories: ['Bribery', 'Procurement fraud'],
        handlerUserIds: [signedUp.signUp!.user!.id],
      },
    },
  );
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Where an element is against the viewport, and whether it has focus. */
function placeOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return {
      top: box.top,
      bottom: box.bottom,
      viewport: window.innerHeight,
      focused: document.activeElement === element,
    };
  });
}

async function expectOnScreenAndFocused(page: Page, selector: string) {
  const place = await placeOf(page, selector);
  expect(place.focused, `${selector} has focus`).toBe(true);
  expect(place.top, `${selector} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(place.top, `${selector} starts inside the viewport`).toBeLessThan(place.viewport);
}

const SIZES = [
  ['phone', PHONE, true],
  ['desktop', DESKTOP, false],
] as const;

describe.each(SIZES)('a failed report at %s size', (label, viewport, isMobile) => {
  let page: Page;

  beforeAll(async () => {
    const context = await browser.newContext({ viewport, isMobile, locale: 'en-US' });
    page = await context.newPage();
    await page.goto(`${server.url}/report/${slug}`);
    await page.locator('h1', { hasText: 'Report to Summary Audit Office' }).waitFor();
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('the form’s own check: the summary is on screen, focused, and links to the field', async () => {
    await page.getByLabel('What is it about?').selectOption('Bribery');
    await page.getByLabel('A short title').fill('Kickbacks for the ring road contract');
    // What happened is left empty.
    const send = page.getByRole('button', { name: 'Send the report' });
    await send.scrollIntoViewIfNeeded();
    await send.click();

    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    await expect.poll(() => placeOf(page, '[data-error-summary]')).toMatchObject({ focused: true });
    await expectOnScreenAndFocused(page, '[data-error-summary]');
    expect(await summary.getAttribute('role')).toBe('alert');
    await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
    const link = summary.getByRole('link', { name: 'Describe what happened: Fill in this field.' });
    await link.waitFor();
    await page.screenshot({
      path: path.join(SCREENSHOTS, `error-summary-report-${label}.png`),
    });
    await expectAccessible(page, `error summary (${label})`);

    await link.click();
    await expectOnScreenAndFocused(page, 'textarea[name="body"]');
    expect(await page.locator('textarea[name="body"]').getAttribute('aria-invalid')).toBe('true');
    await page.locator('.field__error', { hasText: 'Fill in this field.' }).first().waitFor();
  });

  it('the server’s answer: the summary states the allowed length and takes focus again', async () => {
    await page
      .getByLabel('Describe what happened')
      .fill('The ring road contract went to the mayor’s cousin without a tender.');
    // A title longer than the server allows: the input's own limit is lifted, as an old
    // cached page or a pasted value could, so that only the server can say no.
    await page
      .locator('input[name="title"]')
      .evaluate((input) => input.removeAttribute('maxlength'));
    await page.locator('input[name="title"]').fill('x'.repeat(201));
    const send = page.getByRole('button', { name: 'Send the report' });
    await send.scrollIntoViewIfNeeded();
    await send.click();

    const link = page
      .locator('[data-error-summary]')
      .getByRole('link', { name: 'A short title: Use 1 to 200 characters.' });
    await link.waitFor({ timeout: 30_000 });
    await expect.poll(() => placeOf(page, '[data-error-summary]')).toMatchObject({ focused: true });
    await expectOnScreenAndFocused(page, '[data-error-summary]');
    await page.screenshot({
      path: path.join(SCREENSHOTS, `error-summary-report-server-${label}.png`),
    });
    await link.click();
    await expectOnScreenAndFocused(page, 'input[name="title"]');
  });
});
