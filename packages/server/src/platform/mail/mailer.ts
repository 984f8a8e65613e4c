import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../logging.js';
import type { UnitOfWork } from '../database/unit-of-work.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** What the mail is for (`invitation`, …): lets operators and tests find it. */
  kind: string;
  organisationId: string | null;
  attachments?: EmailAttachment[];
  /**
   * Live secrets in `text` (an invitation's or a confirmation link's token). They go only into
   * the message actually sent: the outbox row holds the text with each replaced by
   * REDACTED_SECRET, and the log never carries the text.
   */
  secrets?: string[];
}

/** What stands in the outbox where a secret was. */
export const REDACTED_SECRET = '[secret: only in the e-mail sent]';

/** `text` without any of `secrets` (as written, or URL-encoded in a link). */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      redacted = redacted.split(form).join(REDACTED_SECRET);
  }
  return redacted;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** A refusal worth trying again a moment later: an SMTP 4xx answer, or no connection at all. */
function isTransient(error: unknown): boolean {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (responseCode !== undefined) return responseCode >= 400 && responseCode < 500;
  return code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET';
}

/** Pauses before the second and third attempt of a transiently refused e-mail. */
const RETRY_DELAYS_MS = [500, 2_000];

/**
 * Every e-mail is written to the outbox table in the same transaction as the change that causes
 * it (the record that it was sent, and of its delivery), and delivered once that transaction
 * commits: through SMTP_URL, or, without it, into a mailbox folder (`mailbox`, one JSON file per
 * message, readable by the server's user only). The outbox and the log never hold a message's
 * live secrets (`EmailMessage.secrets`): the full text exists only in memory until delivered, so
 * a message whose delivery a crash interrupts is lost (there is no retry; the person asks again:
 * a new invitation, a new confirmation link).
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly logger: Logger,
    smtpUrl: string | undefined,
    private readonly from: string,
    /** Where messages go without SMTP_URL (development, tests); unset: nowhere but the outbox. */
    private readonly mailbox?: string,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  }

  async queue(em: EntityManager, db: UnitOfWork, message: EmailMessage): Promise<void> {
    const id = randomUUID();
    await em.execute(
      `insert into outbox_email (id, organisation_id, to_address, subject, text_body, kind, attachments, created_at)
       values (?, ?, ?, ?, ?, ?, ?, now())`,
      [
        id,
        message.organisationId,
        message.to,
        message.subject,
        redactSecrets(message.text, message.secrets),
        message.kind,
        JSON.stringify(message.attachments ?? []),
      ],
    );
    db.afterCommit(() => this.deliver(em, id, message));
  }

  private async deliver(em: EntityManager, id: string, message: EmailMessage): Promise<void> {
    const { to, kind, subject, text } = message;
    if (!this.transport) {
      // Without SMTP the mailbox folder is the delivery channel (development); the log says
      // where, never what.
      if (!this.mailbox) {
        this.logger.info({ email: { id, kind } }, 'e-mail kept in the outbox (no SMTP_URL)');
        return;
      }
      let failure: string | null = null;
      try {
        await fs.mkdir(this.mailbox, { recursive: true, mode: 0o700 });
        const file = path.join(this.mailbox, `${Date.now()}-${id}.json`);
        const body = { id, to, kind, subject, text, sentAt: new Date().toISOString() };
        await fs.writeFile(file, JSON.stringify(body, null, 2), { mode: 0o600, flag: 'wx' });
        this.logger.info({ email: { id, kind }, file }, 'e-mail delivered to the mailbox folder');
      } catch (error) {
        failure = (error as Error).message.slice(0, 500);
        this.logger.error({ err: error, emailId: id }, 'e-mail delivery failed');
      }
      await this.recordDelivery(em, id, failure);
      return;
    }
    this.logger.info({ email: { id, kind } }, 'e-mail sending');
    let failure: string | null = null;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.transport.sendMail({
          from: this.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          attachments: (message.attachments ?? []).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
          })),
        });
        break;
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay !== undefined && isTransient(error)) {
          this.logger.warn({ err: error, emailId: id, attempt }, 'e-mail delivery deferred');
          await new Promise((resolve) => setTimeout(resolve, delay));
          continue;
        }
        failure = (error as Error).message.slice(0, 500);
        this.logger.error({ err: error, emailId: id }, 'e-mail delivery failed');
        break;
      }
    }
    await this.recordDelivery(em, id, failure);
  }

  private async recordDelivery(em: EntityManager, id: string, failure: string | null) {
    await em
      .fork({ useContext: false })
      .execute('select alany.mark_email_delivered(?, ?)', [id, failure])
      .catch((err: unknown) => this.logger.warn({ err }, 'could not record e-mail delivery'));
  }

  async close(): Promise<void> {
    this.transport?.close();
  }
}
