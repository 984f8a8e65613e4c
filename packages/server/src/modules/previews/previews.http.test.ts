import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { createOrganisation, person, type Person } from '../../test/tenants.js';
import { escapeHtml } from '../../platform/http/web-client.js';

/** A built web client's index.html, as Vite leaves it. */
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-web-'));
fs.writeFileSync(
  path.join(webDist, 'index.html'),
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta
      name="description"
      content="Alany: a public square for civil-society networks working against corruption."
    />
    <title>Alany</title>
  </head>
  <body><div id="root"></div></body>
</html>`,
);

const HOSTILE = `Budget hearing "><script>alert(1)</script> & $& co`;

let server: TestServer;
let owner: Person;
let outsider: Person;
const ids = {} as Record<
  | 'organisationSlug'
  | 'publicSpace'
  | 'privateSpace'
  | 'publicEvent'
  | 'draftEvent'
  | 'privateEvent'
  | 'publicThread'
  | 'publicResource'
  | 'privateResource'
  | 'publicRisks'
  | 'draftRisks'
  | 'otherTenantSpace',
  string
>;

async function gql(who: Person, query: string, variables: Record<string, unknown>) {
  return who.client.ok(query, variables);
}

beforeAll(async () => {
  server = await startTestServer({
    ALANY_WEB_DIST: webDist,
    ALANY_PUBLIC_URL: 'https://alany.example.kz',
  });
  owner = await person(server, 'Preview Owner');
  outsider = await person(server, 'Preview Outsider');
  const organisation = await createOrganisation(owner, 'Previews');
  ids.organisationSlug = organisation.slug;
  const space = async (who: Person, organisationId: string, name: string, visibility: string) =>
    (
      await gql(
        who,
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { organisationId, name, visibility, description: `${name}, described` } },
      )
    ).createSpace.space.id as string;
  ids.publicSpace = await space(owner, organisation.id, 'Open procurement watch', 'PUBLIC');
  ids.privateSpace = await space(owner, organisation.id, 'Internal planning', 'ORGANISATION');
  const other = await createOrganisation(outsider, 'Elsewhere');
  ids.otherTenantSpace = await space(outsider, other.id, 'Their private room', 'ORGANISATION');

  const event = async (spaceId: string, title: string, publish: boolean) => {
    const id = (
      await gql(
        owner,
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
        {
          input: {
            spaceId,
            title,
            description: 'Line one\n\nof **the** agenda',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          },
        },
      )
    ).createEvent.event.id as string;
    if (publish)
      await gql(
        owner,
        `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`,
        { id },
      );
    return id;
  };
  ids.publicEvent = await event(ids.publicSpace, HOSTILE, true);
  ids.draftEvent = await event(ids.publicSpace, 'Draft agenda', false);
  ids.privateEvent = await event(ids.privateSpace, 'Members-only meeting', true);

  ids.publicThread = (
    await gql(
      owner,
      `mutation($input: CreateThreadInput!) { createThread(input: $input) { thread { id } } }`,
      { input: { spaceId: ids.publicSpace, title: 'Tender 42 discussion', body: 'Look.' } },
    )
  ).createThread.thread.id;
  const resource = async (spaceId: string, title: string) =>
    (
      await gql(
        owner,
        `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
        {
          input: { spaceId, title, kind: 'STUDY', language: 'RU', description: 'A field guide' },
        },
      )
    ).createResource.resource.id as string;
  ids.publicResource = await resource(ids.publicSpace, 'Procurement monitoring guide');
  ids.privateResource = await resource(ids.privateSpace, 'Internal memo');

  const assessment = async (title: string) =>
    (
      await gql(
        owner,
        `mutation($input: CreateRiskAssessmentInput!) { createRiskAssessment(input: $input) { assessment { id } } }`,
        {
          input: {
            spaceId: ids.publicSpace,
            title,
            subject: 'District akimat',
            sector: 'LAND',
            region: 'Almaty',
          },
        },
      )
    ).createRiskAssessment.assessment.id as string;
  ids.publicRisks = await assessment('Land allocation 2026');
  await gql(
    owner,
    `mutation($id: ID!) { publishRiskAssessment(input: { id: $id }) { assessment { id } } }`,
    { id: ids.publicRisks },
  );
  ids.draftRisks = await assessment('Unpublished assessment');
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(webDist, { recursive: true, force: true });
});

/** The page as a link-preview crawler (or `curl`) gets it: no cookie, asking for HTML. */
async function page(pathname: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${pathname}`, {
    headers: { accept: 'text/html', ...headers },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await response.text();
  const meta = (key: string) =>
    new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
  return {
    html,
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
    ogTitle: meta('og:title'),
    ogDescription: meta('og:description'),
    ogImage: meta('og:image'),
    ogLocale: meta('og:locale'),
    canonical: /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1],
    hreflangs: [...html.matchAll(/<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"/g)].map(
      (match) => [match[1], match[2]],
    ),
    lang: /<html[^>]*lang="([^"]*)"/.exec(html)?.[1],
  };
}

function expectGeneric(found: Awaited<ReturnType<typeof page>>) {
  expect(found.title).toBe('Alany');
  expect(found.ogTitle).toBe('Alany');
  expect(found.ogImage).toBe('https://alany.example.kz/og/alany.png');
  expect(found.canonical).toBeUndefined();
  expect(found.hreflangs).toEqual([]);
}

describe('link previews', () => {
  it("puts a public event's title, description, image, locale, canonical URL and hreflang links in its HTML, escaped", async () => {
    const found = await page(`/events/${ids.publicEvent}`, { 'accept-language': 'ru' });
    expect(found.ogTitle).toBe(escapeHtml(`${HOSTILE} · Alany`));
    expect(found.title).toBe(escapeHtml(`${HOSTILE} · Alany`));
    // The hostile title stays text: no script element, no attribute broken out of.
    expect(found.html).not.toContain('<script>alert(1)');
    expect(found.html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; $&amp; co');
    expect(found.ogDescription).toBe('Line one of the agenda');
    expect(found.ogImage).toBe('https://alany.example.kz/og/event.png');
    expect(found.ogLocale).toBe('ru_RU');
    expect(found.lang).toBe('ru');
    expect(found.canonical).toBe(`https://alany.example.kz/events/${ids.publicEvent}`);
    expect(found.hreflangs).toEqual([
      ['kk', `https://alany.example.kz/events/${ids.publicEvent}?lang=kk`],
      ['ru', `https://alany.example.kz/events/${ids.publicEvent}?lang=ru`],
      ['en', `https://alany.example.kz/events/${ids.publicEvent}?lang=en`],
      ['x-default', `https://alany.example.kz/events/${ids.publicEvent}`],
    ]);
    // ?lang= wins over the browser's languages; Kazakh when neither says.
    expect((await page(`/events/${ids.publicEvent}?lang=en`)).ogLocale).toBe('en_US');
    expect((await page(`/events/${ids.publicEvent}`)).ogLocale).toBe('kk_KZ');
  });

  it('describes each public kind from what the API shows signed out', async () => {
    const organisation = await page(`/o/${ids.organisationSlug}`);
    expect(organisation.ogTitle).toBe('Previews Organisation · Alany');
    expect(organisation.ogImage).toBe('https://alany.example.kz/og/organisation.png');
    expect(organisation.canonical).toBe(`https://alany.example.kz/o/${ids.organisationSlug}`);

    const space = await page(`/s/${ids.publicSpace}`);
    expect(space.ogTitle).toBe('Open procurement watch · Alany');
    expect(space.ogDescription).toBe('Open procurement watch, described');
    expect(space.ogImage).toBe('https://alany.example.kz/og/space.png');

    const resource = await page(`/resources/${ids.publicResource}`);
    expect(resource.ogTitle).toBe('Procurement monitoring guide · Alany');
    expect(resource.ogDescription).toBe('A field guide');
    expect(resource.ogImage).toBe('https://alany.example.kz/og/resource.png');

    const risks = await page(`/public/risks/${ids.publicRisks}`);
    expect(risks.ogTitle).toBe('Land allocation 2026 · Alany');
    expect(risks.ogDescription).toBe('District akimat · Almaty');
    expect(risks.ogImage).toBe('https://alany.example.kz/og/risks.png');
  });

  it('gives private, draft, unpublished, other tenants’ and unknown URLs the generic page', async () => {
    for (const pathname of [
      `/s/${ids.privateSpace}`,
      `/s/${ids.otherTenantSpace}`,
      `/events/${ids.draftEvent}`,
      `/events/${ids.privateEvent}`,
      `/resources/${ids.privateResource}`,
      `/public/risks/${ids.draftRisks}`,
      // The API lets nobody signed out read a thread, even in a PUBLIC space.
      `/t/${ids.publicThread}`,
      '/events/00000000-0000-4000-8000-000000000000',
      '/events/not-an-id',
      '/o/no-such-organisation',
      '/s/%E0%A4%A',
      '/',
    ]) {
      expectGeneric(await page(pathname));
    }
  });

  it('reads as the anonymous viewer even when the request carries a member’s session', async () => {
    // A member opening their private space gets the generic head too: the HTML may be cached
    // or shared, and the client fills in the rest.
    const cookie = owner.client.cookie;
    expect(cookie).toBeTruthy();
    expectGeneric(await page(`/s/${ids.privateSpace}`, { cookie: cookie! }));
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('serves robots.txt pointing at the sitemap', async () => {
    const response = await fetch(`${server.url}/robots.txt`);
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain('Disallow: /report');
    expect(body).toContain('Sitemap: https://alany.example.kz/sitemap.xml');
  });

  it('indexes sitemaps that list public pages only, with hreflang alternates', async () => {
    const index = await fetch(`${server.url}/sitemap.xml`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^application\/xml/);
    const files = [...(await index.text()).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(files).toEqual([
      'https://alany.example.kz/sitemaps/events.xml',
      'https://alany.example.kz/sitemaps/spaces.xml',
      'https://alany.example.kz/sitemaps/resources.xml',
    ]);
    let all = '';
    for (const file of files) {
      const response = await fetch(file.replace('https://alany.example.kz', server.url));
      expect(response.status).toBe(200);
      all += await response.text();
    }
    const locs = [...all.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(
      expect.arrayContaining([
        `https://alany.example.kz/events/${ids.publicEvent}`,
        `https://alany.example.kz/s/${ids.publicSpace}`,
        `https://alany.example.kz/o/${ids.organisationSlug}`,
        `https://alany.example.kz/resources/${ids.publicResource}`,
      ]),
    );
    for (const hidden of [
      ids.privateSpace,
      ids.otherTenantSpace,
      ids.draftEvent,
      ids.privateEvent,
      ids.privateResource,
    ]) {
      expect(all).not.toContain(hidden);
    }
    expect(all).toContain(
      `<xhtml:link rel="alternate" hreflang="kk" href="https://alany.example.kz/s/${ids.publicSpace}?lang=kk"/>`,
    );
  });

  it('pages a kind past one file, and refuses a made-up cursor', async () => {
    // 101 public resources: two pages of the resources sitemap.
    for (let i = 0; i < 100; i += 1) {
      await gql(
        owner,
        `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
        { input: { spaceId: ids.publicSpace, title: `Guide ${i}`, kind: 'STUDY', language: 'EN' } },
      );
    }
    const index = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const second =
      /<loc>https:\/\/alany\.example\.kz(\/sitemaps\/resources\.xml\?after=[^<]+)<\/loc>/.exec(
        index,
      )?.[1];
    expect(second).toBeDefined();
    const secondPage = await (await fetch(`${server.url}${second!.replace(/&amp;/g, '&')}`)).text();
    expect([...secondPage.matchAll(/<url>/g)]).toHaveLength(1);
    expect((await fetch(`${server.url}/sitemaps/resources.xml?after=<x>`)).status).toBe(400);
  });
});
