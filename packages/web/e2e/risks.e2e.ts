import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkPage, DESKTOP, launchBrowser, PHONE, SCREENSHOTS } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 10: an analyst records an assessment with five risks through the pages; the heatmap puts
 * them in the right cells; an action with a lower residual score moves the residual heatmap; the
 * published summary shows no description and no owner; another organisation's member cannot
 * read the assessment itself.
 */
let server: RunningServer;
let browser: Browser;
let analystContext: BrowserContext;
let publicContext: BrowserContext;
let outsiderContext: BrowserContext;
let analyst: Page;

const stamp = Date.now();
const password = 'steppe-apricot-lantern';
const ANALYST = 'Aigerim Sadykova';
const TITLE = 'Land allocation in the district akimat, 2026';
let assessmentUrl = '';
let assessmentId = '';

const RISKS = [
  { title: 'Plots allocated without an auction', likelihood: 5, impact: 5 },
  { title: 'Kickbacks for building permits', likelihood: 4, impact: 5 },
  { title: 'Inflated road repair estimates', likelihood: 4, impact: 5 },
  { title: 'Favoured bidders for school meals', likelihood: 2, impact: 3 },
  { title: 'Unrecorded gifts to inspectors', likelihood: 1, impact: 1 },
] as const;
const secret = (index: number) => `Confidential detail ${index}: the deputy's cousin`;
const ACTION = 'Auction every plot and publish the results online';

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

async function signUpWithOrganisation(page: Page, name: string, email: string, slug: string) {
  await graphql(page, 'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
    input: { displayName: name, email, password },
  });
  const organisation = await graphql(
    page,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: `${name}'s office`, slug, kind: 'NGO' } },
  );
  return organisation.createOrganisation!.organisation!.id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  analystContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  publicContext = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true });
  outsiderContext = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  analyst = await analystContext.newPage();
  const organisationId = await signUpWithOrganisation(
    analyst,
    ANALYST,
    `aigerim.${stamp}@example.kz`,
    `integrity-${stamp}`,
  );
  await graphql(
    analyst,
    'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
    { input: { organisationId, name: 'Risk analysis' } },
  );
});

afterAll(async () => {
  await analystContext?.close();
  await publicContext?.close();
  await outsiderContext?.close();
  await browser?.close();
  await server?.dispose();
});

/** Paper: navigation, buttons and forms gone; what is left is photographed. */
async function printed(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.header').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-print.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
}

const heading = (page: Page, text: string) => page.locator('h1').filter({ hasText: text });
const cellCount = (page: Page, likelihood: number, impact: number) =>
  page
    .locator(`.heatmap td[data-likelihood="${likelihood}"][data-impact="${impact}"]`)
    .first()
    .getAttribute('data-count');
const totalCount = async (page: Page) =>
  (
    await page
      .locator('.heatmap')
      .first()
      .locator('td[data-count]')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-count'))))
  ).reduce((sum, count) => sum + count, 0);

/** Moves a range input with the keyboard, as a person would: Home, then right arrows. */
async function slide(page: Page, scope: ReturnType<Page['locator']>, label: string, to: number) {
  const slider = scope.getByLabel(label, { exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  for (let step = 1; step < to; step += 1) await page.keyboard.press('ArrowRight');
  expect(await slider.inputValue()).toBe(String(to));
}

const inDays = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

describe('a corruption-risk assessment, from draft to public summary', () => {
  it('the analyst records an assessment from the list page', async () => {
    await analyst.goto(`${server.url}/risks`);
    await heading(analyst, 'Risk assessments').waitFor();
    await analyst.getByRole('heading', { name: 'No assessments yet' }).waitFor();
    await analyst.getByRole('button', { name: 'Record an assessment' }).click();
    const form = analyst.getByRole('form', { name: 'New assessment' });
    await form.getByLabel('Title', { exact: true }).fill(TITLE);
    await form.getByLabel('Body or sector assessed').fill('District akimat: land department');
    await form.getByLabel('Sector', { exact: true }).selectOption('LAND');
    await form.getByLabel('Region', { exact: true }).fill('Almaty region');
    await form.getByLabel('Period', { exact: true }).fill('2026');
    await form
      .getByLabel('Methodology', { exact: true })
      .fill('Decisions of the land commission 2024–2026, interviews with applicants.');
    await checkPage(analyst, 'risk-create');
    await form.getByRole('button', { name: 'Create draft' }).click();
    await heading(analyst, TITLE).waitFor();
    assessmentUrl = analyst.url().split('?')[0]!;
    assessmentId = assessmentUrl.split('/').pop()!;
    await analyst.getByText('Draft', { exact: true }).waitFor();
    await analyst.getByRole('heading', { name: 'No risks yet' }).waitFor();
  });

  it('five risks scored with the sliders land in the right heatmap cells', async () => {
    for (const [index, risk] of RISKS.entries()) {
      await analyst.getByRole('button', { name: 'Add a risk' }).click();
      const form = analyst.getByRole('form', { name: 'Add a risk' });
      await form.getByLabel('Risk', { exact: true }).fill(risk.title);
      await form.getByLabel('Description').fill(secret(index));
      await form
        .getByLabel('How the scheme works')
        .fill(`Scheme ${index}: paid through a relative`);
      await slide(analyst, form, 'Likelihood', risk.likelihood);
      await slide(analyst, form, 'Impact', risk.impact);
      await form
        .getByText(`Score ${risk.likelihood} × ${risk.impact} = ${risk.likelihood * risk.impact}:`)
        .waitFor();
      if (index === 0) await checkPage(analyst, 'risk-editor');
      await form.getByRole('button', { name: 'Add risk' }).click();
      await analyst.locator(`tr[data-risk="${risk.title}"]`).waitFor();
    }

    await expect.poll(() => totalCount(analyst)).toBe(5);
    expect(await cellCount(analyst, 5, 5)).toBe('1');
    expect(await cellCount(analyst, 4, 5)).toBe('2');
    expect(await cellCount(analyst, 2, 3)).toBe('1');
    expect(await cellCount(analyst, 1, 1)).toBe('1');
    await analyst
      .getByRole('button', { name: 'Likelihood 4, impact 5, Critical: 2 risks' })
      .waitFor();

    // The table is sorted by score, highest first; the header turns it round.
    const order = () =>
      analyst
        .locator('.risk-table tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-risk')));
    expect((await order())[0]).toBe(RISKS[0].title);
    expect((await order())[4]).toBe(RISKS[4].title);
    await analyst.getByRole('button', { name: 'Inherent', exact: true }).click();
    await expect.poll(async () => (await order())[0]).toBe(RISKS[4].title);
    await analyst.getByRole('button', { name: 'Inherent', exact: true }).click();
    await expect.poll(async () => (await order())[0]).toBe(RISKS[0].title);

    // A cell narrows the table to its risks.
    await analyst
      .getByRole('button', { name: 'Likelihood 4, impact 5, Critical: 2 risks' })
      .click();
    await expect.poll(async () => (await order()).length).toBe(2);
    await checkPage(analyst, 'risk-heatmap-filter');
    await analyst.getByRole('button', { name: 'Show all risks' }).click();
    await expect.poll(async () => (await order()).length).toBe(5);
  });

  it('a due date in the past is refused beside the field and nothing is written', async () => {
    await analyst.getByRole('button', { name: RISKS[0].title, exact: true }).click();
    await analyst.getByRole('heading', { name: RISKS[0].title, level: 2 }).waitFor();
    await analyst.getByRole('button', { name: 'Add an action' }).click();
    const form = analyst.getByRole('form', { name: 'Add an action' });
    await form.getByLabel('Action', { exact: true }).fill(ACTION);
    await form.getByLabel('Due date').fill(inDays(-3));
    await form.getByRole('button', { name: 'Add action' }).click();
    await form
      .locator('[data-field-error="dueDate"]')
      .filter({ hasText: 'cannot be due in the past' })
      .waitFor();
    await analyst.getByText('No actions yet.').waitFor();
  });

  it('an action with a lower residual score moves the risk on the residual heatmap', async () => {
    const form = analyst.getByRole('form', { name: 'Add an action' });
    await form.getByLabel('Due date').fill(inDays(30));
    await form.getByLabel('Responsible person').selectOption({ label: ANALYST });
    await form.getByLabel(/This action lowers the risk/).check();
    await slide(analyst, form, 'Likelihood after treatment', 2);
    await slide(analyst, form, 'Impact after treatment', 5);
    await form.getByText('Score 2 × 5 = 10:').waitFor();
    await checkPage(analyst, 'risk-mitigation-form');
    await form.getByRole('button', { name: 'Add action' }).click();
    await analyst.getByText('The action was added.').waitFor();
    await analyst.locator('.mitigation').filter({ hasText: ACTION }).waitFor();
    await analyst.getByText(`Responsible: ${ANALYST}`).waitFor();

    const row = analyst.locator(`tr[data-risk="${RISKS[0].title}"]`);
    await expect
      .poll(() => row.locator('td[data-residual-score]').getAttribute('data-residual-score'))
      .toBe('10');
    expect(await row.locator('td[data-score]').getAttribute('data-score')).toBe('25');

    // The inherent map is unchanged; the residual one has moved the risk from 5×5 to 2×5.
    expect(await cellCount(analyst, 5, 5)).toBe('1');
    await analyst.getByRole('button', { name: 'Residual risk' }).click();
    await analyst.getByRole('table', { name: /after treatment/ }).waitFor();
    expect(await cellCount(analyst, 5, 5)).toBe('0');
    expect(await cellCount(analyst, 2, 5)).toBe('1');
    expect(await cellCount(analyst, 4, 5)).toBe('2');
    expect(await totalCount(analyst)).toBe(5);

    // The history keeps both scores.
    const history = analyst.getByRole('region', { name: 'Score history' });
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
    await history.getByText('2 × 5 = 10').waitFor();
    await checkPage(analyst, 'risk-assessment');
    await printed(analyst, 'risk-assessment');
  });

  it('the admin publishes; the public page shows the summary without descriptions or owners', async () => {
    await analyst.getByRole('button', { name: 'Publish summary' }).click();
    await analyst.getByText('The public summary is published').waitFor();
    await analyst.getByRole('link', { name: 'Open the public summary' }).waitFor();

    const visitor = await publicContext.newPage();
    await visitor.goto(`${server.url}/public/risks/${assessmentId}`);
    await heading(visitor, TITLE).waitFor();
    for (const risk of RISKS) await visitor.getByText(risk.title).waitFor();
    const residual = visitor.getByRole('table', { name: /after treatment/ });
    expect(
      await residual.locator('td[data-likelihood="2"][data-impact="5"]').getAttribute('data-count'),
    ).toBe('1');
    expect(
      await residual.locator('td[data-likelihood="5"][data-impact="5"]').getAttribute('data-count'),
    ).toBe('0');
    await visitor.getByText('Actions done: 0 of 1 (0%).').waitFor();
    const text = (await visitor.locator('body').textContent()) ?? '';
    for (const index of RISKS.keys()) {
      expect(text).not.toContain(secret(index));
      expect(text).not.toContain(`Scheme ${index}`);
    }
    expect(text).not.toContain(ANALYST);
    expect(text).not.toContain(ACTION);
    expect(text).not.toContain('Responsible');
    // Signed out: no link into the private assessment.
    expect(await visitor.getByRole('link', { name: 'Open the full assessment' }).count()).toBe(0);
    await checkPage(visitor, 'risk-public');
    await printed(visitor, 'risk-public');
  });

  it("another organisation's member cannot read the private assessment", async () => {
    const outsider = await outsiderContext.newPage();
    await signUpWithOrganisation(
      outsider,
      'Timur Bekov',
      `timur.${stamp}@example.kz`,
      `elsewhere-${stamp}`,
    );
    await outsider.goto(assessmentUrl);
    await heading(outsider, 'Assessment not found').waitFor();
    const text = (await outsider.locator('main').textContent()) ?? '';
    expect(text).not.toContain(TITLE);
    expect(text).not.toContain(secret(0));
    await checkPage(outsider, 'risk-not-found');

    await outsider.goto(`${server.url}/risks`);
    await outsider.getByRole('heading', { name: 'No assessments yet' }).waitFor();
    expect(await outsider.getByText(TITLE).count()).toBe(0);

    // The public summary is still there for them, as for anyone.
    await outsider.goto(`${server.url}/public/risks/${assessmentId}`);
    await heading(outsider, TITLE).waitFor();
  });

  it('the summary counts the risks by level, sector and region', async () => {
    await analyst.goto(`${server.url}/risks/summary`);
    await heading(analyst, 'Risk summary').waitFor();
    await analyst.getByText('1 assessment', { exact: true }).waitFor();
    await analyst.getByText('5 risks', { exact: true }).waitFor();
    await analyst.locator('[data-group="LAND"]').getByText('Land').waitFor();
    await analyst.locator('[data-group="Almaty region"]').waitFor();
    expect(
      await analyst.locator('.chart__row[data-level="CRITICAL"] .chart__value').textContent(),
    ).toBe('3 (60%)');
    await checkPage(analyst, 'risk-summary');

    await analyst.goto(`${server.url}/risks?sector=HEALTH`);
    await analyst.getByRole('heading', { name: 'Nothing matches these filters' }).waitFor();
    await analyst.goto(`${server.url}/risks?sector=LAND`);
    await analyst.getByRole('link', { name: TITLE }).waitFor();
    await checkPage(analyst, 'risk-list');
  });

  it('speaks Kazakh and Russian', async () => {
    await analyst.goto(`${assessmentUrl}?risk=`);
    await heading(analyst, TITLE).waitFor();
    await analyst.getByLabel('Language', { exact: true }).selectOption('kk');
    await analyst.getByRole('heading', { name: 'Жылу картасы' }).waitFor();
    await checkPage(analyst, 'risk-assessment-kk');
    await analyst.getByLabel('Тіл', { exact: true }).selectOption('ru');
    await analyst.getByRole('heading', { name: 'Тепловая карта' }).waitFor();
    await checkPage(analyst, 'risk-assessment-ru');
    await analyst.getByLabel('Язык', { exact: true }).selectOption('en');
  });
});
