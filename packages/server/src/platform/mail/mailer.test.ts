import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerQuery, startTestServer, type TestServer, until } from '../../test/harness.js';
import { createOrganisation, unverifiedPerson, type Person } from '../../test/tenants.js';

/**
 * Mail over a real SMTP server (smtp-server, on a free port): what the mailer sends, what it
 * records in the outbox when the server refuses, and how it tries again after a transient "not
 * now". The mails are caused through the API; their wording is the features' business, not
 * this file's.
 */

interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

/** Addresses the SMTP server treats specially, and what it has been sent. */
const smtp = {
  received: [] as Received[],
  dataAttempts: new Map<string, number>(),
  /** RCPT TO refused for good (550). */
  refuseRecipient: new Set<string>(),
  /** DATA refused for good (554). */
  refuseData: new Set<string>(),
  /** DATA refused for now (451) on the first attempt, accepted after. */
  deferOnce: new Set<string>(),
};

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

const recipientsOf = (session: SMTPServerSession) =>
  session.envelope.rcptTo.map((r) => r.address.toLowerCase());

const smtpServer = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (smtp.refuseRecipient.has(address.address.toLowerCase()))
      return callback(smtpError(550, 'No such mailbox here'));
    callback();
  },
  onData(stream, session, callback) {
    const to = recipientsOf(session);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      for (const address of to)
        smtp.dataAttempts.set(address, (smtp.dataAttempts.get(address) ?? 0) + 1);
      if (to.some((a) => smtp.refuseData.has(a)))
        return callback(smtpError(554, 'Message refused as spam'));
      if (to.some((a) => smtp.deferOnce.has(a) && smtp.dataAttempts.get(a) === 1))
        return callback(smtpError(451, 'Greylisted, try again later'));
      simpleParser(Buffer.concat(chunks)).then(
        (mail) => {
          const from = session.envelope.mailFrom;
          smtp.received.push({ from: from ? from.address : '', to, mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    });
  },
});

let server: TestServer;
let owner: Person;
let organisationId: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtpServer.listen(0, '127.0.0.1', resolve));
  const { port } = smtpServer.server.address() as AddressInfo;
  server = await startTestServer({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    ALANY_MAIL_FROM: 'Alany Tests <mailer@alany.test>',
  });
  // Its confirmation link goes to the SMTP server, not the mailbox folder person() reads; an
  // owner needs no confirmed address to invite.
  owner = await unverifiedPerson(server, 'Mail Owner');
  organisationId = (await createOrganisation(owner, 'Mail')).id;
});

afterAll(async () => {
  await server?.stop();
  await new Promise<void>((resolve) => smtpServer.close(() => resolve()));
});

/** The outbox row of the newest mail to an address, as the database owner reads it. */
async function outboxRow(to: string) {
  const rows = await ownerQuery<{ sent_at: Date | null; last_error: string | null; kind: string }>(
    server,
    `select sent_at, last_error, kind from outbox_email where to_address = $1 order by created_at desc limit 1`,
    [to.toLowerCase()],
  );
  return rows[0];
}

/** Waits until the mailer has recorded the outcome of the mail to `to`. */
async function deliveryRecorded(to: string) {
  let row: Awaited<ReturnType<typeof outboxRow>>;
  const end = Date.now() + 15_000;
  for (;;) {
    row = await outboxRow(to);
    if (row && (row.sent_at || row.last_error)) return row;
    if (Date.now() > end) throw new Error(`no delivery recorded for ${to}: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const invite = (email: string) =>
  owner.client.ok(
    `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }`,
    { input: { organisationId, email } },
  );

const address = (label: string) => `${label}.${Date.now()}@mail.example.kz`;

describe('Mailer over SMTP', () => {
  it('sends the mail with its headers, text and .ics attachment, and records it as sent', async () => {
    const spaceId = (
      await owner.client.ok(
        `mutation($input: CreateSpaceInput!) { createSpace(input: $input) { space { id } } }`,
        { input: { organisationId, name: 'Mail space', visibility: 'ORGANISATION' } },
      )
    ).createSpace.space.id as string;
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    startsAt.setUTCHours(9, 0, 0, 0);
    const eventId = (
      await owner.client.ok(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { event { id } } }`,
        {
          input: {
            spaceId,
            title: 'Budget hearing by mail',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
          },
        },
      )
    ).createEvent.event.id as string;
    await owner.client.ok(
      `mutation($id: ID!) { publishEvent(input: { eventId: $id }) { event { id } } }`,
      { id: eventId },
    );
    await owner.client.ok(
      `mutation($id: ID!) { registerForEvent(input: { eventId: $id }) { registration { id } } }`,
      { id: eventId },
    );
    const to = owner.email.toLowerCase();
    // The owner's address also got its confirmation link at sign-up: the registration's mail.
    const registration = (r: (typeof smtp.received)[number]) =>
      r.to.includes(to) && !!r.mail.subject?.includes('Budget hearing');
    await until(() => smtp.received.some(registration), 'the registration mail');
    const [received] = smtp.received.filter(registration);
    expect(received!.from).toBe('mailer@alany.test');
    const mail = received!.mail;
    expect(mail.from?.value).toEqual([{ address: 'mailer@alany.test', name: 'Alany Tests' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined).toBe(to);
    expect(mail.subject).toBe('Alany: Budget hearing by mail');
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.date).toBeInstanceOf(Date);
    expect(mail.text).toContain('Budget hearing by mail');
    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.filename).toBe('event.ics');
    expect(ics.contentType).toBe('text/calendar');
    const calendar = ics.content.toString('utf8');
    expect(calendar).toMatch(/^BEGIN:VCALENDAR\r?\n/);
    expect(calendar).toContain(eventId);
    expect(calendar).toContain(
      `DTSTART:${startsAt
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
    expect(calendar).toMatch(/END:VCALENDAR\s*$/);
    const row = await deliveryRecorded(to);
    expect(row).toMatchObject({ kind: 'event.registered', last_error: null });
    expect(row!.sent_at).toBeInstanceOf(Date);
  });

  it('records a recipient the server refuses (RCPT 550) as failed, and the change still stands', async () => {
    const to = address('refused');
    smtp.refuseRecipient.add(to);
    await invite(to);
    const row = await deliveryRecorded(to);
    expect(row!.sent_at).toBeNull();
    expect(row!.last_error).toMatch(/550/);
    expect(smtp.dataAttempts.get(to)).toBeUndefined();
    expect(smtp.received.some((r) => r.to.includes(to))).toBe(false);
    const pending = await owner.client.ok(
      `query($id: ID!) { invitations(organisationId: $id) { edges { node { email } } } }`,
      { id: organisationId },
    );
    expect(
      pending.invitations.edges.map((e: { node: { email: string } }) => e.node.email),
    ).toContain(to);
  });

  it('records a message the server refuses for good (DATA 554) once, without trying again', async () => {
    const to = address('spam');
    smtp.refuseData.add(to);
    await invite(to);
    const row = await deliveryRecorded(to);
    expect(row!.sent_at).toBeNull();
    expect(row!.last_error).toMatch(/554/);
    await new Promise((resolve) => setTimeout(resolve, 800)); // past the first retry's pause
    expect(smtp.dataAttempts.get(to)).toBe(1);
  });

  it('tries again after a transient refusal (DATA 451) and records the mail as sent', async () => {
    const to = address('greylisted');
    smtp.deferOnce.add(to);
    await invite(to);
    const row = await deliveryRecorded(to);
    expect(row).toMatchObject({ last_error: null });
    expect(row!.sent_at).toBeInstanceOf(Date);
    expect(smtp.dataAttempts.get(to)).toBe(2);
    expect(smtp.received.filter((r) => r.to.includes(to))).toHaveLength(1);
  });
});
