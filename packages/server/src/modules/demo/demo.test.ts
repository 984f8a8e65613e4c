import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/harness.js';
import { DEMO_SIGN_IN } from './demo.seed.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ ALANY_SEED_DEMO: 'true' });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('the demo data', () => {
  it('gives a first visitor an organisation with a network, spaces and an example of each feature', async () => {
    expect(server.alany.demoSeeded).toBe(true);
    await server.alany.demoContent;
    const demo = server.client();
    await demo.ok(`mutation($input: SignInInput!) { signIn(input: $input) { user { id } } }`, {
      input: DEMO_SIGN_IN,
    });
    const data = await demo.ok(`{
      organisation(slug: "adal-almaty") { name kind }
      network(slug: "central-asia-integrity") { name resources { edges { node { title } } } }
      spaces(first: 10) { edges { node { id name visibility } } }
      events { title status }
      riskAssessments { edges { node { title status publishedAt } } }
    }`);
    expect(data.organisation).toEqual({
      name: 'Adal Almaty project office',
      kind: 'PROJECT_OFFICE',
    });
    expect(
      data.network.resources.edges.map((e: { node: { title: string } }) => e.node.title).sort(),
    ).toEqual([
      'Integrity pact toolkit for public procurement',
      'Мемлекеттік сатып алуды қоғамдық бақылау: бастаушыларға нұсқаулық',
    ]);
    expect(
      data.spaces.edges.map((e: { node: { visibility: string } }) => e.node.visibility).sort(),
    ).toEqual(['NETWORK', 'ORGANISATION', 'PUBLIC']);
    expect(data.events).toEqual([
      { title: 'Public dialogue: land allocation in the districts', status: 'PUBLISHED' },
    ]);
    expect(data.riskAssessments.edges[0].node).toMatchObject({ status: 'ACTIVE' });

    // Content in each of the network's languages (issue #26.13): a thread in English, Russian and
    // Kazakh, each with a reply in the same language.
    const threads: Array<{ title: string; body: string; replies: string[] }> = [];
    for (const { node } of data.spaces.edges as Array<{ node: { id: string } }>) {
      const page = await demo.ok(
        `query($id: ID!) { threads(spaceId: $id) { edges { node { title body posts { edges { node { body } } } } } } }`,
        { id: node.id },
      );
      for (const { node: thread } of page.threads.edges)
        threads.push({
          title: thread.title,
          body: thread.body,
          replies: thread.posts.edges.map((e: { node: { body: string } }) => e.node.body),
        });
    }
    const cyrillic = /[а-яё]/i;
    const kazakh = /[әғқңөұүһі]/i;
    const english = threads.filter((t) => !cyrillic.test(t.title));
    const russian = threads.filter((t) => cyrillic.test(t.title) && !kazakh.test(t.title + t.body));
    const inKazakh = threads.filter((t) => kazakh.test(t.title) && kazakh.test(t.body));
    for (const group of [english, russian, inKazakh]) {
      expect(group).toHaveLength(1);
      expect(group[0]!.replies.length).toBeGreaterThan(0);
    }
    expect(russian[0]!.replies.every((r) => cyrillic.test(r) && !kazakh.test(r))).toBe(true);
    expect(inKazakh[0]!.replies.every((r) => kazakh.test(r))).toBe(true);
    expect(data.riskAssessments.edges[0].node.publishedAt).toBeTruthy();

    // Signed out: the public library and the reporting page.
    const visitor = server.client();
    const open = await visitor.ok(`{
      resources { edges { node { title url } } }
      reportingPage(organisationSlug: "adal-almaty") { enabled categories }
    }`);
    expect(
      open.resources.edges
        .map((e: { node: { title: string; url: string | null } }) => e.node)
        .sort((x: { title: string }, y: { title: string }) => x.title.localeCompare(y.title)),
    ).toEqual([
      {
        title: 'UN Convention against Corruption',
        url: 'https://www.unodc.org/unodc/en/corruption/uncac.html',
      },
      { title: 'Памятка: как подать обращение о коррупционном правонарушении', url: null },
    ]);
    expect(open.reportingPage).toEqual({
      enabled: true,
      categories: ['Bribery', 'Procurement fraud', 'Conflict of interest'],
    });
  });
});
