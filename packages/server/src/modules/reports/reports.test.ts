import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { startAlany, type RunningAlany } from '../../server.js';
import { TestClient, type GraphQLResponse } from '../../test/harness.js';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';
import { addMember, createOrganisation, person, type Person } from '../../test/tenants.js';

/**
 * This file starts its own server so it can read every line the server logs.
 */
let db: TestDatabase;
let alany: RunningAlany;
let logged = '';
let handler: Person;
let otherAdmin: Person;
let organisation: { id: string; slug: string };
const server = {
  get url() {
    return alany.url;
  },
  get db() {
    return db;
  },
  client: (headers?: Record<string, string>) => new TestClient(alany.graphqlUrl, headers),
};

const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;
const reasons = (result: GraphQLResponse) =>
  ((result.errors?.[0]?.extensions?.fields as Array<{ field: string; reason: string }>) ?? []).map(
    (f) => `${f.field}:${f.reason}`,
  );
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { receipt } }`;
const FOLLOW_UP = `query($r: String!) { reportByReceipt(receipt: $r) { status title messages { fromReporter body sentOn } } }`;

beforeAll(async () => {
  db = await createTestDatabase(inject('ownerUrl'), inject('templateDatabase'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    ALANY_SEED_DEMO: 'false',
    ALANY_REPORT_KEY: randomBytes(32).toString('base64'),
    // Links in mail name a host, so that any IP address found below can only be a client's.
    ALANY_PUBLIC_URL: 'https://alany.example',
    LOG_LEVEL: 'debug',
  });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  alany = await startAlany(config, pino({ level: 'debug' }, sink));
  handler = await person(server as never, 'Case Handler');
  otherAdmin = await person(server as never, 'Other Admin');
  organisation = await createOrganisation(handler, 'Compliance');
  await addMember(server as never, handler, organisation.id, otherAdmin, 'ADMIN');
  await handler.client.ok(
    `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }`,
    {
      input: {
        organisationId: organisation.id,
        enabled: true,
        intro: 'Reports reach only our compliance officer.',
        categories: ['Bribery', 'Conflict of interest'],
        handlerUserIds: [handler.id],
      },
    },
  );
}, 60_000);

afterAll(async () => {
  await alany?.stop();
  await db?.drop();
});

/** Every row of every table, as text: what a stolen database dump would show. */
async function dumpDatabase(): Promise<string> {
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    const { rows: tables } = await owner.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name: table } of tables) {
      const { rows } = await owner.query(`select to_jsonb(t)::text as row from ${table} t`);
      dump += rows.map((r) => r.row).join('\n');
    }
    return dump;
  } finally {
    await owner.end();
  }
}

describe('integrity reports', () => {
  it('a guest reports, keeps the receipt, a handler answers, the reporter reads and replies', async () => {
    const reporter = server.client();
    const submitted = await reporter.request(SUBMIT, {
      input: {
        organisationSlug: organisation.slug,
        category: 'Bribery',
        title: 'Envelope at the land office',
        body: 'The deputy asked for 500 000 tenge to speed up the plot papers.',
        occurredAt: '2026-10',
        place: 'Land office, room 12',
        involvedParties: 'Deputy head of department',
      },
    });
    expect(submitted.errors).toBeUndefined();
    const receipt = submitted.data!.submitReport.receipt as string;
    expect(receipt).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(submitted.headers.getSetCookie()).toEqual([]);
    expect(submitted.headers.get('cache-control')).toBe('no-store');
    expect(submitted.headers.get('referrer-policy')).toBe('no-referrer');

    const inbox = await handler.client.ok(
      `query($o: ID!) { reports(organisationId: $o) { edges { node { id title body status acknowledgeBy feedbackBy acknowledgementOverdue } } } }`,
      {
        o: organisation.id,
      },
    );
    const report = inbox.reports.edges[0].node;
    expect(report).toMatchObject({
      title: 'Envelope at the land office',
      status: 'RECEIVED',
      acknowledgementOverdue: false,
    });
    expect(report.body).toContain('500 000 tenge');

    await handler.client.ok(
      `mutation($id: ID!) { setReportStatus(input: { id: $id, status: TRIAGED, note: "Check the duty roster" }) { status } }`,
      { id: report.id },
    );
    await handler.client.ok(
      `mutation($id: ID!) { messageReporter(input: { id: $id, body: "Thank you. Which day was it?" }) { status } }`,
      { id: report.id },
    );
    const followUp = await server.client().ok(FOLLOW_UP, { r: receipt.replace(/-/g, ' ') });
    expect(followUp.reportByReceipt).toMatchObject({
      status: 'TRIAGED',
      title: 'Envelope at the land office',
    });
    expect(followUp.reportByReceipt.messages).toEqual([
      {
        fromReporter: false,
        body: 'Thank you. Which day was it?',
        sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
    expect(JSON.stringify(followUp)).not.toContain('duty roster'); // internal notes stay internal

    await server
      .client()
      .ok(
        `mutation($r: String!) { replyToReport(input: { receipt: $r, body: "Tuesday, 14 October." }) { status } }`,
        { r: receipt },
      );
    const thread = await handler.client.ok(
      `query($id: ID!) { report(id: $id) { messages { fromReporter internal body } } }`,
      { id: report.id },
    );
    expect(thread.report.messages).toEqual([
      { fromReporter: false, internal: true, body: 'Check the duty roster' },
      { fromReporter: false, internal: false, body: 'Thank you. Which day was it?' },
      { fromReporter: true, internal: false, body: 'Tuesday, 14 October.' },
    ]);
  });

  it('keeps no plain text and no IP address in the database or the server log', async () => {
    const secret = `Kickback scheme ${randomBytes(6).toString('hex')} at the akimat`;
    const signedIn = await person(server as never, 'Signed In Reporter');
    await signedIn.client.ok(SUBMIT, {
      input: {
        organisationSlug: organisation.slug,
        category: 'Conflict of interest',
        title: secret,
        body: `${secret}, with details.`,
        place: 'Akimat',
      },
    });
    const dump = await dumpDatabase();
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain('Kickback scheme');
    expect(dump).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
    expect(logged).not.toContain('Kickback scheme');
    expect(logged).not.toMatch(/127\.0\.0\.1|::ffff:|"remoteAddress"|user-agent/i);
    // A signed-in reporter stays anonymous: nothing in the report row points at the account.
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query(`select to_jsonb(r)::text as row from integrity_report r`);
    await owner.end();
    expect(rows.map((r) => r.row).join('\n')).not.toContain(signedIn.id);
  });

  it('gives a wrong receipt the same error as an unknown one, after the same delay', async () => {
    const time = async (receipt: string) => {
      const started = Date.now();
      const result = await server.client().request(FOLLOW_UP, { r: receipt });
      return { ms: Date.now() - started, error: result.errors?.[0] };
    };
    const unknown = await time('0000-0000-0000-0000');
    const wrong = await time('1234-5678-9012-3456');
    expect(unknown.error).toEqual(wrong.error);
    expect(unknown.error?.extensions?.code).toBe('NOT_FOUND');
    expect(unknown.ms).toBeGreaterThanOrEqual(380);
    expect(wrong.ms).toBeGreaterThanOrEqual(380);
    expect(code(await server.client().request(FOLLOW_UP, { r: 'not a receipt' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('lets only the case handlers read reports, not other admins', async () => {
    const denied = await otherAdmin.client.request(
      `query($o: ID!) { reports(organisationId: $o) { edges { node { id } } } }`,
      { o: organisation.id },
    );
    expect(code(denied)).toBe('FORBIDDEN');
    const inbox = await handler.client.ok(
      `query($o: ID!) { reports(organisationId: $o) { edges { node { id } } } }`,
      { o: organisation.id },
    );
    const id = inbox.reports.edges[0].node.id;
    // By id, row-level security already hides the report from a non-handler.
    expect(
      code(await otherAdmin.client.request(`query($id: ID!) { report(id: $id) { body } }`, { id })),
    ).toBeOneOf(['FORBIDDEN', 'NOT_FOUND']);
    expect(
      code(
        await otherAdmin.client.request(
          `mutation($id: ID!) { messageReporter(input: { id: $id, body: "Hi" }) { id } }`,
          { id },
        ),
      ),
    ).toBeOneOf(['FORBIDDEN', 'NOT_FOUND']);
    // Handlers' actions are audited, never with the report's content.
    const audit = await handler.client.ok(
      `query($o: ID!) { auditEvents(organisationId: $o, first: 100) { edges { node { action data } } } }`,
      { o: organisation.id },
    );
    const actions = audit.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action);
    expect(actions).toEqual(
      expect.arrayContaining(['report.status_changed', 'report.messaged', 'reporting.configured']),
    );
    expect(JSON.stringify(audit)).not.toMatch(/tenge|duty roster|Which day/);
  });

  it('refuses bad reports clearly and stores nothing', async () => {
    const submit = (input: Record<string, unknown>) =>
      server.client().request(SUBMIT, {
        input: {
          organisationSlug: organisation.slug,
          category: 'Bribery',
          title: 'T',
          body: 'B',
          ...input,
        },
      });
    expect(reasons(await submit({ body: 'x'.repeat(20_001) }))).toContain('body:INVALID_LENGTH');
    expect(reasons(await submit({ category: 'Gossip' }))).toContain('category:UNKNOWN_CATEGORY');
    expect(reasons(await submit({ occurredAt: 'last week' }))).toContain(
      'occurredAt:INVALID_FORMAT',
    );
    const closedOwner = await person(server as never, 'Closed Owner');
    const closed = await createOrganisation(closedOwner, 'NoReports');
    expect(reasons(await submit({ organisationSlug: closed.slug }))).toContain(
      'organisationSlug:REPORTING_DISABLED',
    );
    expect(
      reasons(
        await closedOwner.client.request(
          `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }`,
          {
            input: { organisationId: closed.id, enabled: true, handlerUserIds: [handler.id] },
          },
        ),
      ),
    ).toContain('handlerUserIds:NOT_MEMBER');
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query(
      `select count(*)::int as n from integrity_report where organisation_id = $1`,
      [closed.id],
    );
    await owner.end();
    expect(rows[0].n).toBe(0);
  });
});
