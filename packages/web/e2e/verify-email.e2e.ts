import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser, PHONE } from './browser';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const stamp = Date.now();
const password = 'steppe-apricot-lantern';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.dispose();
});

async function pageAt(viewport: { width: number; height: number }, locale = 'en-US') {
  const context = await browser.newContext({ viewport, locale });
  contexts.push(context);
  return context.newPage();
}

async function signUp(page: Page, name: string, email: string) {
  await page.goto(server.url + '/sign-up');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page
    .locator('h1')
    .filter({ hasText: `Welcome, ${name}` })
    .waitFor();
}

async function confirmationLink(email: string): Promise<string> {
  const body = await server.latestMail(email, 'email-verification');
  const link = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  return link!;
}

async function invite(owner: Page, email: string): Promise<string> {
  const result = await owner.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: {
      query: `mutation($o: CreateOrganisationInput!) { createOrganisation(input: $o) { organisation { id } } }`,
      variables: {
        o: { name: 'Adal Proof', slug: `adal-proof-${Date.now()}`, kind: 'NGO', city: 'Almaty' },
      },
    },
  });
  const created = (await result.json()) as {
    data: { createOrganisation: { organisation: { id: string } } };
  };
  const organisationId = created.data.createOrganisation.organisation.id;
  await owner.request.post(`${server.url}/graphql`, {
    headers: { 'content-type': 'application/json' },
    data: {
      query: `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { invitation { id } } }`,
      variables: { i: { organisationId, email, role: 'OWNER' } },
    },
  });
  const body = await server.latestMail(email, 'invitation');
  const link = /https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec(body)?.[0];
  expect(link, body).toBeTruthy();
  return link!;
}

describe('confirming an e-mail address', () => {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`at ${viewport.width}×${viewport.height}: the banner, a new link, the invitation waiting, the link confirming`, async () => {
      const owner = await pageAt(viewport);
      const invitee = await pageAt(viewport);
      const ownerEmail = `owner.${label}.${stamp}@example.kz`;
      const email = `invitee.${label}.${stamp}@example.kz`;
      await signUp(owner, 'Aigerim Owner', ownerEmail);
      await owner.goto(await confirmationLink(ownerEmail));
      await owner.getByText('Your e-mail address is confirmed.').waitFor();
      const invitation = await invite(owner, email);

      await signUp(invitee, 'Daniyar Invitee', email);
      const banner = invitee.getByTestId('verify-email-banner');
      await banner.getByText(`open the link we sent to ${email}`).waitFor();
      // The box fits the screen: nothing to scroll sideways.
      const overflow = await invitee.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      const first = await confirmationLink(email);
      await banner.getByRole('button', { name: 'Send a new link' }).click();
      await banner.getByText(`A new link is on its way to ${email}.`).waitFor();
      const second = await confirmationLink(email);
      expect(second).not.toBe(first);
      await checkPage(invitee, `verify-email-banner-${label}`);

      // The invitation waits for the address, and says why.
      await invitee.goto(invitation);
      await invitee.getByTestId('invitation-not-verified').waitFor();
      await invitee.getByText('Confirm your e-mail address first').waitFor();
      expect(await invitee.getByRole('button', { name: 'Accept invitation' }).count()).toBe(0);
      await checkPage(invitee, `accept-invitation-not-verified-${label}`);

      // The old link no longer works; the new one does.
      await invitee.goto(first);
      await invitee.getByText('This confirmation link does not work').waitFor();
      await invitee.goto(second);
      await invitee.getByText('Your e-mail address is confirmed.').waitFor();
      await checkPage(invitee, `verify-email-done-${label}`);
      expect(await invitee.getByTestId('verify-email-banner').count()).toBe(0);

      await invitee.goto(invitation);
      await invitee.getByRole('button', { name: 'Accept invitation' }).click();
      await invitee.getByText('You joined Adal Proof as Owner. Welcome!').waitFor();
    });
  }

  it('speaks Kazakh and Russian to people who chose them', async () => {
    for (const [locale, words] of [
      ['kk', 'Электрондық поштаңызды растаңыз'],
      ['ru', 'Подтвердите адрес электронной почты'],
    ] as const) {
      const page = await pageAt(PHONE, locale);
      await page.goto(`${server.url}/verify-email?token=nonsense`);
      await page.locator('h1').filter({ hasText: words }).waitFor();
    }
  });
});
