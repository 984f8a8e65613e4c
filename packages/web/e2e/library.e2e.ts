import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfWithText } from '../../server/src/test/fixtures/pdf';
import { checkPage, DESKTOP, launchBrowser, SCREENSHOTS, throttleUploads } from './browser';
import { startServer, type RunningServer } from './server';

/**
 * Issue 6: a member uploads a PDF into a network space and watches it go up; a member of
 * another organisation in the network finds it in the network's library and downloads the
 * very same bytes; someone outside the network gets nothing, page or file.
 */
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let steward: Page;
let peer: Page;
let stranger: Page;

const stamp = Date.now();
const password = 'steppe-apricot-lantern';
const networkSlug = `integrity-${stamp}`;
let networkSpaceId = '';
let pdfPath = '';
let pdfSha = '';
let resourceUrl = '';
let downloadUrl = '';

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

async function signUpWithOrganisation(page: Page, name: string, slug: string) {
  await graphql(page, 'mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
    input: { displayName: name, email: `${slug}@example.kz`, password },
  });
  const created = await graphql(
    page,
    'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }',
    { input: { name: `${name} NGO`, slug, kind: 'NGO', city: 'Almaty' } },
  );
  return (created.createOrganisation!.organisation as { id: string }).id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const page = async () => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      locale: 'en-US',
      acceptDownloads: true,
    });
    contexts.push(context);
    return context.newPage();
  };
  [steward, peer, stranger] = await Promise.all([page(), page(), page()]);

  const stewardOrg = await signUpWithOrganisation(steward, 'Aigerim', `adal-${stamp}`);
  await signUpWithOrganisation(peer, 'Daniyar', `transparency-${stamp}`);
  await signUpWithOrganisation(stranger, 'Saule', `outsider-${stamp}`);
  const network = await graphql(
    steward,
    'mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id } } }',
    { input: { organisationId: stewardOrg, name: 'Integrity Network', slug: networkSlug } },
  );
  const networkId = (network.createNetwork!.network as { id: string }).id;
  const invitation = await graphql(
    steward,
    'mutation($input: InviteOrganisationToNetworkInput!) { inviteOrganisationToNetwork(input: $input) { invitation { id } } }',
    { input: { networkId, organisationSlug: `transparency-${stamp}` } },
  );
  await graphql(
    peer,
    'mutation($id: ID!) { acceptNetworkInvitation(input: { invitationId: $id }) { invitation { id } } }',
    { id: (invitation.inviteOrganisationToNetwork!.invitation as { id: string }).id },
  );
  const space = await graphql(
    steward,
    'mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }',
    {
      input: {
        organisationId: stewardOrg,
        name: 'Network toolkits',
        visibility: 'NETWORK',
        networkId,
      },
    },
  );
  networkSpaceId = (space.createSpace!.space as { id: string }).id;

  // A real PDF of about 3 MB: large enough to watch it travel on a throttled connection.
  const pdf = pdfWithText(
    ['Integrity pact for public procurement', 'Checklist for district akimats'],
    {},
    3 * 1024 * 1024,
  );
  pdfSha = createHash('sha256').update(pdf).digest('hex');
  pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'alany-pdf-')), 'integrity-pact.pdf');
  fs.writeFileSync(pdfPath, pdf);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
  if (pdfPath) fs.rmSync(path.dirname(pdfPath), { recursive: true, force: true });
});

describe('the resource library across a network', () => {
  it('a member uploads a PDF into a network space with a visible progress bar', async () => {
    await steward.goto(`${server.url}/s/${networkSpaceId}`);
    await steward.getByRole('heading', { name: 'Library', level: 2 }).waitFor();
    await steward.getByRole('button', { name: 'Add a resource' }).click();
    const form = steward.getByRole('form', { name: 'Add a resource' });
    await form.getByLabel('Title').fill('Integrity pact toolkit');
    await form.getByLabel('Kind').selectOption('TOOLKIT');
    await form.getByLabel('Language of the material').selectOption('EN');
    await form.getByLabel('Tags').fill('procurement, integrity pacts');
    await form.getByLabel('File', { exact: true }).setInputFiles(pdfPath);
    await form.getByText('Chosen: integrity-pact.pdf').waitFor();

    // About 1 MB/s up: the upload takes a few seconds, as on a real connection.
    await throttleUploads(steward, 1024 * 1024);
    await form.getByRole('button', { name: 'Add a resource' }).click();
    const bar = steward.getByRole('progressbar', { name: 'Upload progress' });
    await bar.waitFor();
    await expect
      .poll(async () => Number(await bar.getAttribute('value')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const midway = Number(await bar.getAttribute('value'));
    expect(midway).toBeLessThan(100);
    await steward.screenshot({ path: path.join(SCREENSHOTS, 'library-uploading.png') });

    await steward.waitForURL(/\/resources\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await throttleUploads(steward, null);
    resourceUrl = steward.url();
    await steward.getByRole('heading', { name: 'Integrity pact toolkit', level: 1 }).waitFor();
    const versions = steward.getByRole('table', { name: 'Versions' });
    await versions.getByRole('link', { name: 'integrity-pact.pdf' }).waitFor();
    await expect.poll(() => versions.getByText(`SHA-256 ${pdfSha.slice(0, 12)}`).count()).toBe(1);
    downloadUrl = String(
      await versions.getByRole('link', { name: 'integrity-pact.pdf' }).getAttribute('href'),
    );
    expect(downloadUrl).toMatch(/^\/files\/[0-9a-f-]{36}$/);
    await checkPage(steward, 'library-resource');
  });

  it('a new version can be dropped onto the page, and a cancelled upload keeps nothing', async () => {
    await steward.goto(resourceUrl);
    const form = steward.getByRole('form', { name: 'Add a new version' });
    await form.getByText('Drag a file here, or choose one.').waitFor();
    // Dropped as a browser drops it: a DataTransfer holding a file.
    const dropped = await steward.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['Checklist, second edition'], 'checklist-v2.txt', { type: 'text/plain' }),
      );
      return transfer;
    });
    await form.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: dropped });
    await form.getByText('Chosen: checklist-v2.txt').waitFor();
    await form.getByLabel('What changed').fill('Second edition');
    await form.getByRole('button', { name: 'Add version' }).click();
    const versions = steward.getByRole('table', { name: 'Versions' });
    await versions.getByRole('link', { name: 'checklist-v2.txt' }).waitFor();
    await versions.getByText('Second edition').waitFor();

    // A slow upload, cancelled halfway: no third version appears.
    await throttleUploads(steward, 512 * 1024);
    await steward
      .getByRole('form', { name: 'Add a new version' })
      .getByLabel('File', { exact: true })
      .setInputFiles(pdfPath);
    await steward
      .getByRole('form', { name: 'Add a new version' })
      .getByRole('button', { name: 'Add version' })
      .click();
    await steward.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
    await steward.getByRole('button', { name: 'Cancel upload' }).click();
    await steward.getByText('Upload cancelled. Nothing was stored.').waitFor();
    await throttleUploads(steward, null);
    await steward.reload();
    await steward.getByRole('table', { name: 'Versions' }).waitFor();
    expect(await steward.getByRole('table', { name: 'Versions' }).locator('tbody tr').count()).toBe(
      2,
    );
  });

  it('a member of another organisation in the network finds it and downloads the same bytes', async () => {
    await peer.goto(`${server.url}/n/${networkSlug}`);
    const library = peer.getByRole('region', { name: 'Network library' });
    await library.getByRole('link', { name: 'Integrity pact toolkit' }).waitFor();
    await checkPage(peer, 'library-network');
    // The filters narrow it down, and a kind it is not finds nothing.
    await library.getByLabel('Kind').selectOption('TEMPLATE');
    await library.getByRole('button', { name: 'Filter', exact: true }).click();
    await library.getByRole('heading', { name: 'Nothing matches' }).waitFor();
    await library.getByLabel('Kind').selectOption('TOOLKIT');
    await library.getByRole('button', { name: 'Filter', exact: true }).click();
    await library.getByRole('link', { name: 'Integrity pact toolkit' }).click();
    await peer.waitForURL(resourceUrl);
    const [download] = await Promise.all([
      peer.waitForEvent('download'),
      peer
        .getByRole('table', { name: 'Versions' })
        .getByRole('link', { name: 'integrity-pact.pdf' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('integrity-pact.pdf');
    const saved = await download.path();
    expect(createHash('sha256').update(fs.readFileSync(saved)).digest('hex')).toBe(pdfSha);
    // Only its author and the owning organisation's moderators may change it.
    expect(await peer.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  });

  it('someone outside the network gets neither the resource nor its file', async () => {
    await stranger.goto(resourceUrl);
    await stranger.getByRole('heading', { name: 'Resource not found', level: 1 }).waitFor();
    const file = await stranger.request.get(`${server.url}${downloadUrl}`);
    expect(file.status()).toBe(404);
    expect((await file.body()).includes(Buffer.from('Integrity pact'))).toBe(false);
    const signedOut = await (await browser.newContext()).request.get(`${server.url}${downloadUrl}`);
    expect(signedOut.status()).toBe(404);
    await stranger.goto(`${server.url}/library`);
    // Nothing is filtered: the empty library says where resources come from.
    await stranger.getByRole('heading', { name: 'The library is empty' }).waitFor();
  });
});
