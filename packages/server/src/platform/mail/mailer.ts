import { randomUUID } from 'node:crypto';
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
 * it, and to the log; with SMTP_URL set it is also sent once that transaction commits.
 */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly logger: Logger,
    smtpUrl: string | undefined,
    private readonly from: string,
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
        message.text,
        message.kind,
        JSON.stringify(message.attachments ?? []),
      ],
    );
    db.afterCommit(() => this.deliver(em, id, message));
  }

  private async deliver(em: EntityManager, id: string, message: EmailMessage): Promise<void> {
    const { to, kind, subject, text } = message;
    if (!this.transport) {
      // Without SMTP the log is the delivery channel (development): it carries the whole text,
      // links included. With SMTP it keeps only the envelope.
      this.logger.info({ email: { id, to, kind, subject, text } }, 'e-mail written to the outbox');
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
    await em
      .fork({ useContext: false })
      .execute('select alany.mark_email_delivered(?, ?)', [id, failure])
      .catch((err: unknown) => this.logger.warn({ err }, 'could not record e-mail delivery'));
  }

  async close(): Promise<void> {
    this.transport?.close();
  }
}
