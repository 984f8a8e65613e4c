import { afterAll, beforeAll, expect, it } from 'vitest';
import { reasons, startTestServer, type TestServer } from '../../test/harness.js';
import { reportProof } from '../../test/report-proof.js';
import { createOrganisation, person } from '../../test/tenants.js';

// Issue 26, item 4: a case that fits none of the organisation's categories had no choice. A
// server of its own: reports.test.ts spends its client's submission budget on other cases.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const PAGE = `query($s: String!) { reportingPage(organisationSlug: $s) { categories offerOther } }`;
const CONFIGURE = `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { offerOther } }`;
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { receipt } }`;

it('offers "Other" beside the categories unless the organisation turns it off', async () => {
  const owner = await person(server, 'Reporting Owner');
  const organisation = await createOrganisation(owner, 'Otherwise');
  const configure = (extra: Record<string, unknown>) =>
    owner.client.ok(CONFIGURE, {
      input: {
        organisationId: organisation.id,
        enabled: true,
        categories: ['Bribery', 'Conflict of interest'],
        handlerUserIds: [owner.id],
        ...extra,
      },
    });
  // Left out, it is on: organisations that configured reporting before keep offering it.
  expect((await configure({})).configureReporting.offerOther).toBe(true);
  expect((await server.client().ok(PAGE, { s: organisation.slug })).reportingPage).toEqual({
    categories: ['Bribery', 'Conflict of interest'],
    offerOther: true,
  });
  const submit = async (category: string) =>
    server.client().request(SUBMIT, {
      input: {
        proof: await reportProof(server.url),
        organisationSlug: organisation.slug,
        category,
        title: 'Fits no category',
        body: 'Something else happened.',
      },
    });
  expect((await submit('Other')).errors).toBeUndefined();
  expect(reasons(await submit('Gossip'))).toContain('category:UNKNOWN_CATEGORY');

  expect((await configure({ offerOther: false })).configureReporting.offerOther).toBe(false);
  expect((await server.client().ok(PAGE, { s: organisation.slug })).reportingPage.offerOther).toBe(
    false,
  );
  expect(reasons(await submit('Other'))).toContain('category:UNKNOWN_CATEGORY');
});
