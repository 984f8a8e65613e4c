import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../platform/auth/tokens.js';
import { ShortUnitOfWork } from '../../platform/database/unit-of-work.js';
import { Mailer, REDACTED_SECRET } from '../../platform/mail/mailer.js';
import { Migration20261207000191EmailVerification } from '../../migrations/Migration20261207000191EmailVerification.js';
import {
  newAccount,
  ownerQuery,
  SIGN_UP,
  startTestServer,
  type TestServer,
} from '../../test/harness.js';
import {
  addMember,
  createOrganisation,
  deliveredMail,
  invitationTokenFrom,
  latestEmail,
  person,
  unverifiedPerson,
  verificationTokenFor,
  VERIFY_EMAIL,
} from '../../test/tenants.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const VIEWER = `query { viewer { id emailVerified } }`;
const RESEND = `mutation { resendVerificationEmail { expiresAt } }`;
const ACCEPT = `mutation($token: String!) { acceptInvitation(input: { token: $token }) { membership { id role } } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`;

/** The outbox row of the newest mail of this kind to `to`, as stored. */
async function outboxRow(to: string, kind: string) {
  const [row] = await ownerQuery<{ id: string; text_body: string; sent_at: Date | null }>(
    server,
    `select id, text_body, sent_at from outbox_email where to_address = $1 and kind = $2
     order by created_at desc limit 1`,
    [to.toLowerCase(), kind],
  );
  return row!;
}

describe('e-mail verification', () => {
  it('mails a confirmation link in the person’s language, and the link confirms the address once', async () => {
    for (const [locale, words] of [
      ['kk', /растаңыз/],
      ['ru', /подтвердите/],
      ['en', /confirm your e-mail/],
    ] as const) {
      const client = server.client();
      const input = newAccount({ displayName: `Verify ${locale}`, locale });
      await client.ok(SIGN_UP, { input });
      expect((await client.ok(VIEWER)).viewer.emailVerified).toBe(false);
      const mail = await latestEmail(server, input.email, 'email-verification');
      expect(mail!.subject).toMatch(words);
      const token = await verificationTokenFor(server, input.email);
      // Anyone holding the link confirms it (the mailbox is the proof), signed in or not.
      expect((await server.client().ok(VERIFY_EMAIL, { input: { token } })).verifyEmail).toEqual({
        emailVerified: true,
      });
      expect((await client.ok(VIEWER)).viewer.emailVerified).toBe(true);
      const again = await client.request(VERIFY_EMAIL, { input: { token } });
      expect(again.errors?.[0]?.extensions?.fields).toEqual([
        expect.objectContaining({ field: 'token', reason: 'INVALID_VERIFICATION_LINK' }),
      ]);
    }
    const wrong = await server.client().request(VERIFY_EMAIL, { input: { token: 'nonsense' } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows whether an address is confirmed to its owner only', async () => {
    const someone = await person(server, 'Seen');
    const other = await person(server, 'Looking');
    const org = await createOrganisation(someone, 'Seen');
    const members = await someone.client.ok(
      `query($id: ID!) { members(organisationId: $id) { edges { node { user { id emailVerified } } } } }`,
      { id: org.id },
    );
    expect(members.members.edges[0].node.user).toEqual({ id: someone.id, emailVerified: true });
    await addMember(server, someone, org.id, other);
    const seen = await other.client.ok(
      `query($id: ID!) { members(organisationId: $id) { edges { node { user { id emailVerified } } } } }`,
      { id: org.id },
    );
    const users = seen.members.edges.map((e: { node: { user: unknown } }) => e.node.user);
    expect(users).toEqual(
      expect.arrayContaining([
        { id: someone.id, emailVerified: null },
        { id: other.id, emailVerified: true },
      ]),
    );
  });

  it('refuses an expired link', async () => {
    const someone = await unverifiedPerson(server, 'Late');
    const token = await verificationTokenFor(server, someone.email);
    await ownerQuery(
      server,
      `update app_user set verification_sent_at = now() - interval '49 hours' where id = $1`,
      [someone.id],
    );
    const late = await someone.client.request(VERIFY_EMAIL, { input: { token } });
    expect(late.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ reason: 'VERIFICATION_LINK_EXPIRED' }),
    ]);
  });

  it('sends a new link on request (the old one stops working), a few times an hour', async () => {
    const someone = await unverifiedPerson(server, 'Resend');
    const first = await verificationTokenFor(server, someone.email);
    const resent = await someone.client.ok(RESEND);
    expect(new Date(resent.resendVerificationEmail.expiresAt).getTime()).toBeGreaterThan(
      Date.now(),
    );
    const second = await verificationTokenFor(server, someone.email);
    expect(second).not.toBe(first);
    const old = await someone.client.request(VERIFY_EMAIL, { input: { token: first } });
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await someone.client.ok(RESEND);
    await someone.client.ok(RESEND);
    const limited = await someone.client.request(RESEND);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await server.client().request(RESEND)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const verified = await person(server, 'Done');
    const done = await verified.client.request(RESEND);
    expect(done.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ reason: 'ALREADY_VERIFIED' }),
    ]);
  });

  it('lets nobody accept an invitation, OWNER included, with an address they have not proved', async () => {
    const owner = await person(server, 'Inviting Owner');
    const org = await createOrganisation(owner, 'Proof');
    // Someone who saw the link signs up with the invitee's address first.
    const squatter = await unverifiedPerson(server, 'Squatter');
    await owner.client.ok(INVITE, {
      input: { organisationId: org.id, email: squatter.email, role: 'OWNER' },
    });
    const token = invitationTokenFrom((await latestEmail(server, squatter.email))!.text_body);
    const refused = await squatter.client.request(ACCEPT, { token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'EMAIL_NOT_VERIFIED',
    });
    const [members] = await ownerQuery<{ n: number }>(
      server,
      'select count(*)::int as n from membership where organisation_id = $1',
      [org.id],
    );
    expect(members!.n).toBe(1);
    // The mailbox's owner confirms it, and then accepts.
    await squatter.client.ok(VERIFY_EMAIL, {
      input: { token: await verificationTokenFor(server, squatter.email) },
    });
    expect((await squatter.client.ok(ACCEPT, { token })).acceptInvitation.membership.role).toBe(
      'OWNER',
    );
  });

  it('lets no unverified case handler read reports', async () => {
    const handler = await person(server, 'Handler');
    const org = await createOrganisation(handler, 'Handled');
    await handler.client.ok(
      `mutation($input: ConfigureReportingInput!) { configureReporting(input: $input) { enabled } }`,
      {
        input: {
          organisationId: org.id,
          enabled: true,
          intro: 'Tell us',
          categories: ['Fraud'],
          handlerUserIds: [handler.id],
        },
      },
    );
    const reports = `query($o: ID!) { reports(organisationId: $o) { edges { node { id } } } }`;
    await handler.client.ok(reports, { o: org.id });
    // Were the address unconfirmed (say, changed later), the handler could not act.
    await ownerQuery(server, 'update app_user set email_verified_at = null where id = $1', [
      handler.id,
    ]);
    const refused = await handler.client.request(reports, { o: org.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'EMAIL_NOT_VERIFIED',
    });
  });
});

describe('the outbox keeps no live secret', () => {
  it('stores invitation and confirmation mails without their tokens; only the mail sent has them', async () => {
    const owner = await person(server, 'Secret Owner');
    const org = await createOrganisation(owner, 'Secrets');
    const invitee = `secret.${Date.now()}@example.kz`;
    await owner.client.ok(INVITE, {
      input: { organisationId: org.id, email: invitee, role: 'ADMIN' },
    });
    const row = await outboxRow(invitee, 'invitation');
    const sent = await deliveredMail(server, row.id);
    const token = invitationTokenFrom(sent.text);
    expect(row.text_body).not.toContain(token);
    expect(row.text_body).not.toContain(encodeURIComponent(token));
    expect(row.text_body).toContain(REDACTED_SECRET);
    expect(row.text_body).not.toMatch(/accept\?token=[\w-]{10}/);
    // The invitation itself keeps only the hash.
    const [stored] = await ownerQuery<{ token_hash: string }>(
      server,
      'select token_hash from invitation where email = $1',
      [invitee],
    );
    expect(stored!.token_hash).toBe(hashSecret(token));
    const confirmation = await outboxRow(owner.email, 'email-verification');
    expect(confirmation.text_body).toContain(REDACTED_SECRET);
    expect(confirmation.text_body).not.toMatch(/verify-email\?token=[\w-]{10}/);
    expect(confirmation.sent_at).not.toBeNull();
  });

  it('never logs a secret, whether it delivers to the mailbox folder or through SMTP', async () => {
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const logger = pino({ level: 'trace' }, stream);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alany-mailbox-'));
    const secret = 'tok_' + 'x'.repeat(30);
    const { orm } = server.alany;
    try {
      for (const mailer of [
        new Mailer(logger, undefined, 'Alany <noreply@alany.kz>', folder),
        // Nothing listens there: delivery fails, and the failure is logged.
        new Mailer(logger, 'smtp://127.0.0.1:9', 'Alany <noreply@alany.kz>'),
      ]) {
        const db = new ShortUnitOfWork(orm, () => ({
          'app.user_id': '',
          'app.token_org_id': '',
          'app.guest_participant_id': '',
        }));
        await db.write((em) =>
          mailer.queue(em, db, {
            to: 'someone@example.kz',
            subject: 'Link',
            text: `Open https://alany.example/verify-email?token=${secret}`,
            kind: 'email-verification',
            organisationId: null,
            secrets: [secret],
          }),
        );
        // SMTP: a refused connection is tried again twice (0.5 s, 2 s) before it is recorded.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        await mailer.close();
      }
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.join('')).not.toContain(secret);
      const files = fs.readdirSync(folder);
      expect(files).toHaveLength(1);
      expect(fs.readFileSync(path.join(folder, files[0]!), 'utf8')).toContain(secret);
      expect((fs.statSync(path.join(folder, files[0]!)).mode & 0o777).toString(8)).toBe('600');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('migration 191: e-mail verification', () => {
  const shape = () =>
    ownerQuery<{ columns: string[]; handler: string }>(
      server,
      `select (select array_agg(column_name::text order by column_name) from information_schema.columns
               where table_name = 'app_user') as columns,
              pg_get_functiondef('alany.viewer_is_handler(uuid)'::regprocedure) as handler`,
    ).then((rows) => rows[0]!);

  async function run(direction: 'up' | 'down') {
    const { orm } = server.alany;
    const migration = new Migration20261207000191EmailVerification(orm.em.getDriver(), orm.config);
    await migration[direction]();
    for (const sql of migration.getQueries()) await ownerQuery(server, String(sql));
  }

  it('down takes the columns and the handler rule away again; up counts existing accounts as verified', async () => {
    const someone = await unverifiedPerson(server, 'Before');
    const migrated = await shape();
    expect(migrated.columns).toContain('email_verified_at');
    expect(migrated.handler).toContain('email_verified_at is not null');
    await run('down');
    const before = await shape();
    expect(before.columns).not.toContain('email_verified_at');
    expect(before.columns).not.toContain('verification_token_hash');
    expect(before.handler).not.toContain('email_verified_at');
    // The membership check of migration 000200 stays either way.
    expect(before.handler).toContain('join membership m');
    expect(migrated.handler).toContain('join membership m');
    await run('up');
    expect(await shape()).toEqual(migrated);
    // Who had an account before the migration counts as verified.
    const [row] = await ownerQuery<{ verified: boolean }>(
      server,
      'select email_verified_at is not null as verified from app_user where id = $1',
      [someone.id],
    );
    expect(row!.verified).toBe(true);
  });
});
