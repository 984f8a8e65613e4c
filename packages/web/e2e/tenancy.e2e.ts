import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPage, DESKTOP, launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';

let server: RunningServer;
let browser: Browser;
let contextA: BrowserContext;
let contextB: BrowserContext;
let a: Page;
let b: Page;

const stamp = Date.now();
const emailA = `aigerim.${stamp}@example.kz`;
const emailB = `daniyar.${stamp}@example.kz`;
const password = 'steppe-apricot-lantern';
const slug = `adal-almaty-${stamp}`;
let invitationLink = '';
let spaceUrl = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  contextA = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  await contextA.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  contextB = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  a = await contextA.newPage();
  b = await contextB.newPage();
});

afterAll(async () => {
  await contextA?.close();
  await contextB?.close();
  await browser?.close();
  await server?.dispose();
});

const heading = (page: Page, text: string) => page.locator('h1').filter({ hasText: text });
const fieldError = (page: Page, name: string) => page.locator(`[data-field-error="${name}"]`);

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** The newest e-mail to `to`, as delivered (the outbox keeps no live link). */
function latestEmail(to: string, kind?: string): Promise<string> {
  return server.latestMail(to, kind);
}

describe('an organisation, its space and a second member', () => {
  it('A signs up and creates an organisation; a bad address is explained beside the field', async () => {
    await a.goto(server.url + '/sign-up');
    await heading(a, 'Create your account').waitFor();
    await signUp(a, 'Aigerim Sadykova', emailA);
    await heading(a, 'Welcome, Aigerim Sadykova').waitFor();

    await a.getByRole('link', { name: 'Create organisation' }).click();
    await heading(a, 'Create an organisation').waitFor();
    await a.getByLabel('Name', { exact: true }).fill('Adal Almaty');
    expect(await a.getByLabel('Address').inputValue()).toBe('adal-almaty');
    await a.getByLabel('Address').fill('Adal Almaty!');
    await a.getByLabel('City').fill('Almaty');
    await a.getByLabel('Country').fill('Kazakhstan');
    await a.getByLabel('About the organisation').fill('Citizens watching public procurement.');
    await a.getByRole('button', { name: 'Create organisation' }).click();
    await fieldError(a, 'slug').waitFor();
    expect(await fieldError(a, 'slug').textContent()).toContain('lower-case Latin letters');
    await checkPage(a, 'create-organisation-error');

    await a.getByLabel('Address').fill(slug);
    await a.getByRole('button', { name: 'Create organisation' }).click();
    await heading(a, 'Adal Almaty').waitFor();
    expect(new URL(a.url()).pathname).toBe(`/o/${slug}`);
    await a.getByText('Your role: Owner').first().waitFor();
    await a.getByText('Citizens watching public procurement.').waitFor();
  });

  it('A creates a space for the organisation', async () => {
    await a.getByRole('link', { name: 'Create space' }).click();
    await heading(a, 'Create a space').waitFor();
    await a.getByLabel('Name', { exact: true }).fill('Procurement monitoring');
    await a.getByLabel('Description').fill('Public tenders we follow, with our notes.');
    await a.getByRole('radio', { name: /Network/ }).check();
    await a.getByLabel('Network', { exact: true }).waitFor();
    await a.getByRole('radio', { name: /Organisation only/ }).check();
    await checkPage(a, 'create-space');
    await a.getByRole('button', { name: 'Create space' }).click();
    await heading(a, 'Procurement monitoring').waitFor();
    spaceUrl = a.url();
    await a.getByRole('heading', { name: 'No discussions yet' }).waitFor();
    await a.getByText('Not shared with other organisations.').waitFor();
    await checkPage(a, 'space');
  });

  it('A invites B by e-mail; the e-mail holds a link to this server', async () => {
    await a.getByRole('link', { name: 'Adal Almaty' }).first().click();
    await heading(a, 'Adal Almaty').waitFor();
    await a.getByRole('link', { name: 'Procurement monitoring' }).waitFor();

    const invitations = a.getByRole('region', { name: 'Invite people' });
    await invitations.getByLabel('E-mail address').fill('not an address');
    await invitations.getByRole('button', { name: 'Send invitation' }).click();
    await fieldError(a, 'email').waitFor();

    await invitations.getByLabel('E-mail address').fill(emailB);
    await invitations.getByLabel('Role').selectOption('MEMBER');
    await invitations.getByRole('button', { name: 'Send invitation' }).click();
    await a.getByText(`An invitation was sent to ${emailB}.`).waitFor();
    await invitations.getByText(emailB, { exact: true }).waitFor();

    const body = await latestEmail(emailB, 'invitation');
    const link = /https?:\/\/\S+\/invitations\/accept\?token=\S+/.exec(body)?.[0];
    expect(link, body).toBeTruthy();
    expect(new URL(link!).origin).toBe(new URL(server.url).origin);
    invitationLink = link!;
  });

  it('A cannot leave the organisation without another owner, and is told why', async () => {
    await a.getByRole('button', { name: 'Leave organisation' }).click();
    await a.getByRole('button', { name: 'Yes, leave Adal Almaty' }).click();
    await a
      .getByText('An organisation needs at least one owner. Make someone else an owner first.')
      .waitFor();
    await checkPage(a, 'organisation');
  });

  it('B opens the link signed out, creates an account, comes back and joins', async () => {
    await b.goto(invitationLink);
    await heading(b, 'Join an organisation').waitFor();
    await b.getByText('Sign in with the e-mail address the invitation was sent to').waitFor();
    await checkPage(b, 'accept-invitation');

    await b.getByRole('link', { name: 'Create an account' }).click();
    await heading(b, 'Create your account').waitFor();
    await signUp(b, 'Daniyar Bekov', emailB);
    await heading(b, 'Join an organisation').waitFor();
    // The address is proved first: whoever saw the link could have signed up with it.
    await b.getByTestId('invitation-not-verified').waitFor();
    const confirmation = /https?:\/\/\S+\/verify-email\?token=\S+/.exec(
      await latestEmail(emailB, 'email-verification'),
    )?.[0];
    expect(confirmation).toBeTruthy();
    await b.goto(confirmation!);
    await b.getByText('Your e-mail address is confirmed.').waitFor();
    await b.goto(invitationLink);
    await b.getByText(`You are signed in as Daniyar Bekov (${emailB}).`).waitFor();
    await checkPage(b, 'accept-invitation-signed-in');
    await b.getByRole('button', { name: 'Accept invitation' }).click();
    await heading(b, 'Adal Almaty').waitFor();
    await b.getByText('You joined Adal Almaty as Member. Welcome!').waitFor();
    await b.getByText('Your role: Member').first().waitFor();
    await b.getByRole('link', { name: 'Procurement monitoring' }).waitFor();
    // Members do not manage the organisation.
    expect(await b.getByRole('region', { name: 'Invite people' }).count()).toBe(0);
    await checkPage(b, 'organisation-member');
  });

  it('the link works only once', async () => {
    await b.goto(invitationLink);
    await b.getByRole('button', { name: 'Accept invitation' }).click();
    await b.getByText('This invitation has been used already.').waitFor();
    await checkPage(b, 'accept-invitation-used');
  });

  it('both see the space on their home and on the organisation page', async () => {
    for (const page of [a, b]) {
      await page.goto(server.url + '/');
      await page.getByRole('link', { name: 'Procurement monitoring' }).waitFor();
      await page.getByRole('link', { name: 'Adal Almaty' }).first().waitFor();
      await page.goto(`${server.url}/o/${slug}`);
      await heading(page, 'Adal Almaty').waitFor();
      await page.getByRole('link', { name: 'Procurement monitoring' }).waitFor();
    }
    await b.goto(spaceUrl);
    await heading(b, 'Procurement monitoring').waitFor();
    expect(await b.getByRole('button', { name: 'Edit space' }).count()).toBe(0);
    await checkPage(b, 'space-member');
    await a.getByText('Daniyar Bekov', { exact: true }).waitFor();
  });

  it('A is told why the last owner cannot become a member', async () => {
    const row = a.getByRole('listitem').filter({ hasText: 'Aigerim Sadykova' });
    await row.getByLabel('Role of Aigerim Sadykova').selectOption('MEMBER');
    await row.getByRole('button', { name: 'Save role' }).click();
    await row
      .getByText('An organisation needs at least one owner. Make someone else an owner first.')
      .waitFor();
  });

  it('the organisation page speaks Russian and Kazakh', async () => {
    await a.reload();
    await heading(a, 'Adal Almaty').waitFor();
    await a.getByLabel('Language', { exact: true }).selectOption('ru');
    await a.getByRole('heading', { name: 'Участники', level: 2 }).waitFor();
    await a.getByText('Ваша роль: Владелец').waitFor();
    await a.getByRole('heading', { name: 'Пригласить людей' }).waitFor();
    await checkPage(a, 'organisation-ru');
    await a.getByLabel('Язык', { exact: true }).selectOption('kk');
    await a.getByRole('heading', { name: 'Мүшелер', level: 2 }).waitFor();
    await a.getByRole('heading', { name: 'Кеңістіктер', level: 2 }).waitFor();
    await checkPage(a, 'organisation-kk');
    await a.getByLabel('Тіл', { exact: true }).selectOption('en');
    await a.getByRole('heading', { name: 'Members', level: 2 }).waitFor();
    // The account follows: a page loaded next must not come back in Kazakh.
    await expect
      .poll(async () => {
        const response = await a.request.post(`${server.url}/graphql`, {
          headers: { 'content-type': 'application/json' },
          data: { query: '{ viewer { locale } }' },
        });
        return ((await response.json()) as { data: { viewer: { locale: string } } }).data.viewer
          .locale;
      })
      .toBe('en');
  });

  it('the header switcher lists the organisations', async () => {
    await a.goto(server.url + '/');
    await a.getByRole('button', { name: /Your organisations/ }).click();
    await a
      .getByRole('link', { name: /Adal Almaty/ })
      .last()
      .click();
    await heading(a, 'Adal Almaty').waitFor();
  });

  it('A starts a network and is told when an invited organisation does not exist', async () => {
    await a.getByRole('button', { name: 'Start a network' }).click();
    await a.getByLabel('Network name').fill('Integrity Network Central Asia');
    await a.getByLabel('What the network is for').fill('Organisations that learn from each other.');
    await a.getByRole('button', { name: 'Create network' }).click();
    await heading(a, 'Integrity Network Central Asia').waitFor();
    await a.getByRole('link', { name: 'Adal Almaty' }).first().waitFor();
    await a.getByLabel('Organisation address').fill('no-such-organisation');
    await a.getByRole('button', { name: 'Invite', exact: true }).click();
    await fieldError(a, 'organisationSlug').waitFor();
    expect(await fieldError(a, 'organisationSlug').textContent()).toContain(
      'No organisation has this address.',
    );
    await checkPage(a, 'network');
  });

  it('A creates an API token, sees its secret once, and revokes it', async () => {
    await a.goto(`${server.url}/o/${slug}`);
    await a.getByRole('link', { name: 'API tokens' }).click();
    await a.getByRole('heading', { name: 'API tokens', level: 2 }).waitFor();
    await a.getByLabel('Name', { exact: true }).fill('Media dashboard');
    await a.getByRole('button', { name: 'Create token' }).click();
    await a.getByText('Token “Media dashboard” created').waitFor();
    const secret = (await a.getByLabel('Token secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await a.getByRole('button', { name: 'Copy' }).click();
    await a.getByText('Copied.').waitFor();
    await a.getByText('Last used').waitFor();
    await checkPage(a, 'api-tokens');

    await a.getByRole('button', { name: 'I have saved it' }).click();
    expect(await a.getByText(secret).count()).toBe(0);
    await a.getByRole('button', { name: 'Revoke the token Media dashboard' }).click();
    await a.getByText('The token Media dashboard was revoked. It no longer works.').waitFor();
  });

  it('A reads the audit log, newest first', async () => {
    await a.goto(`${server.url}/o/${slug}`);
    await a.getByRole('link', { name: 'Audit log' }).click();
    await heading(a, 'Audit log').waitFor();
    await a.getByText('API token revoked').waitFor();
    await a.getByText('Invitation accepted').waitFor();
    await a.getByText('Organisation created').waitFor();
    await checkPage(a, 'audit');
  });
});
