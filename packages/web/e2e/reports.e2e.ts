import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, expectAccessible, launchBrowser, PHONE, screenshots } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 8: a guest reports on a phone with a file and keeps the receipt; the case handler
 * answers from the inbox; the reporter opens the conversation with the receipt, reads the
 * answer and replies; the handler sees the reply arrive without reloading.
 */
let server: RunningServer;
let browser: Browser;
let handlerContext: BrowserContext;
let reporterContext: BrowserContext;
let handler: Page;
let reporter: Page;

const stamp = Date.now();
const slug = `audit-office-${stamp}`;
let receipt = '';

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
  // At `info`, so that the last step can read every request line the server writes.
  [server, browser] = await Promise.all([startServer({ logLevel: 'info' }), launchBrowser()]);
  handlerContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  // The reporter's phone: no account, no cookie of Alany's. The strict CSP of the reporter
  // pages would refuse axe's injected script, so this context lets it in; the first step checks
  // the page under the real CSP in a context of its own.
  reporterContext = await browser.newContext({
    viewport: PHONE,
    locale: 'en-US',
    isMobile: true,
    bypassCSP: true,
  });
  handler = await handlerContext.newPage();
  reporter = await reporterContext.newPage();

  const signedUp = await graphql(
    handler,
    'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }',
    {
      input: {
        displayName: 'Dana Seitkali',
        email: `dana.${stamp}@example.kz`,
        password: 'steppe-apricot-lantern',
      },
    },
  );
  // A case handler's address is confirmed through the mailed link.
  const proof = /verify-email\?token=([^\s&]+)/.exec(
    await server.latestMail(`dana.${stamp}@example.kz`, 'email-verification'),
  )?.[1];
  await graphql(
    handler,
    'mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { emailVerified } }',
    { input: { token: decodeURIComponent(proof!) } },
  );
  const organisation = await graphql(
    handler,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: 'Open Audit Office', slug, kind: 'PROJECT_OFFICE' } },
  );
  await graphql(
    handler,
    'mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }',
    {
      input: {
        organisationId: organisation.createOrganisation!.organisation!.id,
        enabled: true,
        intro:
          'Our compliance officer reads every report. We answer within a week and never try to find out who you are.',
        categories: ['Bribery', 'Procurement fraud', 'Conflict of interest'],
        handlerUserIds: [signedUp.signUp!.user!.id],
      },
    },
  );
});

afterAll(async () => {
  await handlerContext?.close();
  await reporterContext?.close();
  await browser?.close();
  await server?.dispose();
});

const heading = (page: Page, text: string) => page.locator('h1').filter({ hasText: text });

describe('an anonymous integrity report, answered', () => {
  it('the reporting page works under its strict CSP and sets no cookie', async () => {
    const strict = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true });
    const page = await strict.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${server.url}/report/${slug}`);
    const headers = response!.headers();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['set-cookie']).toBeUndefined();
    await heading(page, 'Report to Open Audit Office').waitFor();
    await page.getByRole('button', { name: 'Send the report' }).waitFor();
    await page.goto(`${server.url}/report/follow-up`);
    await heading(page, 'Follow up on your report').waitFor();
    expect(violations).toEqual([]);
    expect(await strict.cookies()).toEqual([]);
    await strict.close();
  });

  it('the reporting page says how the reporter is protected', async () => {
    await reporter.goto(`${server.url}/report/${slug}`);
    await heading(reporter, 'Report to Open Audit Office').waitFor();
    await reporter.getByRole('heading', { name: 'How you are protected' }).waitFor();
    await reporter.getByText('You do not need an account').waitFor();
    await checkPage(reporter, 'report-form');
  });

  it('a guest files a report with a file and keeps the receipt', async () => {
    await reporter.getByLabel('What is it about?').selectOption('Procurement fraud');
    await reporter.getByLabel('A short title').fill('Tender for school roofs split in three');
    await reporter
      .getByLabel('Describe what happened')
      .fill(
        'The roof repairs for schools 12, 14 and 31 were split into three tenders just under the open-tender limit. All three went to the same firm.',
      );
    await reporter.getByLabel('When did it happen? (optional)').fill('2026-09');
    await reporter.getByLabel('Where did it happen? (optional)').fill('District education office');
    // A file the browser picks: sent at once, cleaned and encrypted by the server.
    await reporter.getByLabel('Files (optional)').setInputFiles({
      name: 'tender numbers.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Tenders 2026-114, 2026-115, 2026-116: same winner, same day.'),
    });
    await reporter.locator('.attachments__name', { hasText: 'tender numbers.txt' }).waitFor();
    // A kind that could carry hidden author data is refused with words, not stored.
    await reporter.getByLabel('Files (optional)').setInputFiles({
      name: 'contract.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('PK\x03\x04word/document.xml', 'latin1'),
    });
    await reporter.getByText('“contract.docx” was not added').waitFor();
    await screenshots(reporter, 'report-form-filled');

    await reporter.getByRole('button', { name: 'Send the report' }).click();
    await heading(reporter, 'Your report was sent').waitFor();
    receipt = (await reporter.locator('[data-receipt]').textContent())?.trim() ?? '';
    expect(receipt).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    await reporter.getByText('Keep this receipt now.').waitFor();
    await reporter.getByRole('button', { name: 'Copy the receipt' }).click();
    await reporter
      .locator('.receipt__copied')
      .filter({ hasText: /Copied|selected/ })
      .waitFor();
    await checkPage(reporter, 'report-receipt');

    // The receipt is nowhere but on the screen: not the address, storage or a cookie.
    const traces = await reporter.evaluate(() => ({
      url: location.href,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
    }));
    const digits = receipt.replace(/-/g, '');
    for (const trace of Object.values(traces)) {
      expect(trace).not.toContain(receipt);
      expect(trace).not.toContain(digits);
    }
    expect((await reporterContext.cookies()).length).toBe(0);
  });

  it('the case handler sees it in the inbox with its deadlines and answers', async () => {
    await handler.goto(`${server.url}/o/${slug}/reports`);
    await heading(handler, 'Integrity reports').waitFor();
    const item = handler.locator('.report-item', {
      hasText: 'Tender for school roofs split in three',
    });
    await item.getByText(/Acknowledge by/).waitFor();
    // Who reads the reports, and who made them readers, is in the handlers' own view.
    await handler.getByRole('heading', { name: 'Who reads these reports' }).waitFor();
    await handler.getByText('Case handlers: Dana Seitkali.').waitFor();
    await handler.getByText(/Dana Seitkali added Dana Seitkali as case handler/).waitFor();

    // Nobody looked at it for 100 days: both legal deadlines have passed and say so.
    const owner = new pg.Client({ connectionString: server.ownerDatabaseUrl() });
    await owner.connect();
    await owner.query(
      `update integrity_report set submitted_on = current_date - 100, updated_on = current_date - 100`,
    );
    await owner.end();
    await handler.reload();
    await item.getByText(/Acknowledgement overdue since/).waitFor();
    await item.getByText(/Feedback overdue since/).waitFor();
    await checkPage(handler, 'reports-inbox');

    await handler.getByLabel('Status').selectOption('INVESTIGATING');
    await handler.getByRole('heading', { name: 'No reports' }).waitFor();
    await handler.getByLabel('Status').selectOption('');
    await handler.getByLabel('Category').selectOption('Bribery');
    await handler.getByRole('heading', { name: 'No reports' }).waitFor();
    await handler.getByLabel('Category').selectOption('Procurement fraud');
    await item.getByRole('link').click();
    await heading(handler, 'Tender for school roofs split in three').waitFor();
    await handler.getByText('District education office').waitFor();
    const file = handler.getByRole('link', { name: 'tender numbers.txt' });
    const download = await handler.request.get(`${server.url}${await file.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment;');
    expect(await download.text()).toContain('same winner');

    await handler.locator('select[name="status"]').selectOption('TRIAGED');
    await handler
      .getByLabel('Internal note (optional)')
      .fill('Ask procurement for the three files');
    await handler.getByRole('button', { name: 'Change the status' }).click();
    await handler.getByText('The status was changed.').waitFor();
    await handler
      .getByLabel('Message to the reporter')
      .fill('Thank you. Do you know who signed the three contracts?');
    await handler.getByRole('button', { name: 'Send to the reporter' }).click();
    await handler.getByText('Thank you. Do you know who signed the three contracts?').waitFor();
    // Acknowledged and answered, late: the dates say so and nothing is flagged any more.
    await handler.getByText(/Acknowledged on/).waitFor();
    await handler.getByText(/Last feedback on/).waitFor();
    await expect.poll(() => handler.locator('.badge--danger').count()).toBe(0);
    await checkPage(handler, 'report-case');
  });

  it('the reporter opens the conversation with the receipt, reads the answer and replies', async () => {
    await reporter.goto(`${server.url}/report/follow-up`);
    await heading(reporter, 'Follow up on your report').waitFor();
    await reporter.getByLabel('Receipt').fill('1111-2222-3333-4444');
    await reporter.getByRole('button', { name: 'Open' }).click();
    await reporter.getByText('No report matches this receipt.').waitFor();
    await checkPage(reporter, 'report-follow-up');

    await reporter.getByLabel('Receipt').fill(receipt);
    await reporter.getByRole('button', { name: 'Open' }).click();
    await heading(reporter, 'Tender for school roofs split in three').waitFor();
    await reporter.getByText('Being assessed').waitFor();
    await reporter.getByText('Thank you. Do you know who signed the three contracts?').waitFor();
    // Handlers' internal notes never reach the reporter.
    expect(await reporter.getByText('Ask procurement').count()).toBe(0);
    expect(reporter.url()).toBe(`${server.url}/report/follow-up`);
    await checkPage(reporter, 'report-conversation');

    await reporter
      .getByLabel('Your message')
      .fill('The deputy head of the office signed all three, on the same morning.');
    await reporter.getByLabel('Files (optional)').setInputFiles({
      name: 'signatures.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Contract 114, 115, 116: signed by the deputy head.'),
    });
    await reporter.locator('.attachments__name', { hasText: 'signatures.txt' }).waitFor();
    await reporter.getByRole('button', { name: 'Send', exact: true }).click();
    await reporter.getByText('Your message was sent.').waitFor();
    await reporter
      .locator('.conversation__message--reporter')
      .filter({ hasText: 'The deputy head of the office signed all three' })
      .waitFor();
    await expectAccessible(reporter, 'report-conversation-replied');
    expect((await reporterContext.cookies()).length).toBe(0);
  });

  it('the handler sees the reply arrive on the case page without reloading', async () => {
    await handler
      .locator('.conversation__message--reporter')
      .filter({ hasText: 'The deputy head of the office signed all three' })
      .waitFor({ timeout: 15_000 });
    await handler.getByRole('link', { name: 'signatures.txt' }).waitFor();
    await screenshots(handler, 'report-case-replied');
  });

  it('the admin finds the inbox and the reporting settings from the organisation page', async () => {
    await handler.goto(`${server.url}/o/${slug}`);
    await handler.getByRole('link', { name: 'Integrity reports' }).waitFor();
    await handler.getByRole('link', { name: 'Reporting settings' }).click();
    await heading(handler, 'Reporting settings').waitFor();
    await expect
      .poll(() => handler.getByRole('checkbox', { name: /Dana Seitkali/ }).isChecked())
      .toBe(true);
    const categories = handler.getByLabel('Categories');
    await categories.fill(`${await categories.inputValue()}\nNepotism`);
    await handler.getByRole('button', { name: 'Save changes' }).click();
    await handler.getByText('The reporting settings were saved.').waitFor();
    await checkPage(handler, 'reporting-settings');
    // Without a case handler, reporting cannot be on.
    await handler.getByRole('checkbox', { name: /Dana Seitkali/ }).uncheck();
    await handler.getByRole('button', { name: 'Save changes' }).click();
    // Said in the error summary (which takes focus) and beside the handlers.
    await handler
      .locator('[data-error-summary]')
      .getByRole('link', {
        name: 'Case handlers: Choose at least one case handler before turning reporting on.',
      })
      .waitFor();
    await handler
      .locator('.field__error', {
        hasText: 'Choose at least one case handler before turning reporting on.',
      })
      .waitFor();
  });

  it('the reporting page reads in Kazakh and Russian', async () => {
    for (const [locale, title] of [
      ['kk', 'Open Audit Office ұйымына хабарлау'],
      ['ru', 'Сообщить в Open Audit Office'],
    ] as const) {
      const context = await browser.newContext({
        viewport: PHONE,
        locale,
        isMobile: true,
        bypassCSP: true,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/report/${slug}`);
      await heading(page, title).waitFor();
      await checkPage(page, `report-form-${locale}`);
      await context.close();
    }
  });
  it('a signed-in member reports from their usual browser and leaves no trace of it', async () => {
    // Dana is signed in in this browser; her session was last seen long ago.
    const owner = new pg.Client({ connectionString: server.ownerDatabaseUrl() });
    await owner.connect();
    const lastSeen = async () =>
      (
        await owner.query<{ at: string }>(
          `select string_agg(last_seen_at::text, ',' order by id) as at from user_session`,
        )
      ).rows[0]!.at;
    await owner.query(`update user_session set last_seen_at = '2026-01-01 10:00:00+00'`);
    const before = await lastSeen();
    expect((await handlerContext.cookies()).length).toBeGreaterThan(0);
    // Nothing else of the handler's runs meanwhile: every request line below would be ours.
    await handler.goto('about:blank');
    const logFrom = server.log().length;

    const page = await handlerContext.newPage();
    const sent: Array<{ url: string; type: string; cookie: string | undefined }> = [];
    const sockets: string[] = [];
    page.on('request', (request) => {
      void request
        .allHeaders()
        .then((headers) =>
          sent.push({ url: request.url(), type: request.resourceType(), cookie: headers.cookie }),
        );
    });
    page.on('websocket', (socket) => sockets.push(socket.url()));

    await page.goto(`${server.url}/report/${slug}`);
    await heading(page, 'Report to Open Audit Office').waitFor();
    await page.getByText('This page does not use your Alany account').waitFor();
    await page.getByLabel('What is it about?').selectOption('Conflict of interest');
    await page.getByLabel('A short title').fill('Board member owns the winning firm');
    await page
      .getByLabel('Describe what happened')
      .fill('The firm that won the audit contract belongs to a board member’s son.');
    await page.getByLabel('Files (optional)').setInputFiles({
      name: 'registry extract.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Company register: owner is the son of the board member.'),
    });
    await page.locator('.attachments__name', { hasText: 'registry extract.txt' }).waitFor();
    await page.getByRole('button', { name: 'Send the report' }).click();
    await heading(page, 'Your report was sent').waitFor();
    const ownReceipt = (await page.locator('[data-receipt]').textContent())?.trim() ?? '';
    expect(ownReceipt).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);

    await page.getByRole('link', { name: 'Follow up with your receipt' }).first().click();
    await heading(page, 'Follow up on your report').waitFor();
    await page.getByLabel('Receipt').fill(ownReceipt);
    await page.getByRole('button', { name: 'Open' }).click();
    await heading(page, 'Board member owns the winning firm').waitFor();
    await page.getByLabel('Your message').fill('The contract was signed the day after.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Your message was sent.').waitFor();
    await page.close();

    // What the page's own code sent (GraphQL, uploads, the puzzle) carried no cookie…
    const own = sent.filter((r) => r.type === 'fetch' || r.type === 'xhr');
    expect(own.some((r) => r.url.endsWith('/graphql'))).toBe(true);
    expect(own.some((r) => r.url.endsWith('/report-uploads'))).toBe(true);
    expect(own.filter((r) => r.cookie !== undefined)).toEqual([]);
    // …no WebSocket was opened…
    expect(sockets).toEqual([]);
    // …the page and its files did carry it (the browser sends it), yet no session was resolved…
    expect(sent.some((r) => r.type === 'document' && r.cookie !== undefined)).toBe(true);
    expect(await lastSeen()).toBe(before);
    await owner.end();
    // …and the server logged no request of all these: not the pages, their files, the calls.
    const lines = server
      .log()
      .slice(logFrom)
      .split('\n')
      .filter((line) => line.includes('"msg":"request"'));
    expect(lines).toEqual([]);
  });
});
