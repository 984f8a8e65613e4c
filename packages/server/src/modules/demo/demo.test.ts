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
      spaces(first: 10) { edges { node { name visibility } } }
      events { title status }
      riskAssessments { edges { node { title status publishedAt } } }
    }`);
    expect(data.organisation).toEqual({
      name: 'Adal Almaty project office',
      kind: 'PROJECT_OFFICE',
    });
    expect(data.network.resources.edges).toEqual([
      { node: { title: 'Integrity pact toolkit for public procurement' } },
    ]);
    expect(
      data.spaces.edges.map((e: { node: { visibility: string } }) => e.node.visibility).sort(),
    ).toEqual(['NETWORK', 'ORGANISATION', 'PUBLIC']);
    expect(data.events).toEqual([
      { title: 'Public dialogue: land allocation in the districts', status: 'PUBLISHED' },
    ]);
    expect(data.riskAssessments.edges[0].node).toMatchObject({ status: 'ACTIVE' });
    expect(data.riskAssessments.edges[0].node.publishedAt).toBeTruthy();

    // Signed out: the public library and the reporting page.
    const visitor = server.client();
    const open = await visitor.ok(`{
      resources { edges { node { title url } } }
      reportingPage(organisationSlug: "adal-almaty") { enabled categories }
    }`);
    expect(open.resources.edges).toEqual([
      {
        node: {
          title: 'UN Convention against Corruption',
          url: 'https://www.unodc.org/unodc/en/corruption/uncac.html',
        },
      },
    ]);
    expect(open.reportingPage).toEqual({
      enabled: true,
      categories: ['Bribery', 'Procurement fraud', 'Conflict of interest'],
    });
  });
});
