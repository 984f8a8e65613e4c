import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import type { Context } from '../../platform/graphql/context.js';
import { BadUserInput, notFound } from '../../platform/graphql/errors.js';
import { cleanAttachment, safeFileName } from './reports.files.js';
import { ReportingConfig, type ReportStatus } from './reports.entity.js';
import {
  OTHER_CATEGORY,
  ReportActivityKind,
  type ReporterView,
  type SubmitReportInput,
} from './reports.inputs.js';
import { reportTopic } from './reports.live.js';
import { gateReporting } from './reports.policy.js';
import {
  attachmentsOf,
  categoryLookup,
  day,
  messageView,
  reportingOrganisation,
  type SealedReport,
} from './reports.reads.js';

/**
 * The reporter's side, without an account: staging files, filing a report, and following it
 * with the receipt (reading the answers, replying).
 */

/** Wrong and right receipts take at least this long, so timing tells nothing. */
const RECEIPT_MIN_MS = 400;

/** 16 digits from a CSPRNG: 10^16 possibilities, shown in groups of four. */
function newReceipt(): string {
  return Array.from({ length: 4 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join('-');
}

const normaliseReceipt = (receipt: string) => receipt.replace(/\D/g, '');

/** Pending uploads, all together, may hold this much before new ones are refused. */
export const MAX_PENDING_UPLOAD_BYTES = 1024 * 1024 * 1024;

/** The upload key is random (256 bits): a plain SHA-256 is enough to keep it unusable at rest. */
const uploadKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export type StagedUpload =
  | { staged: true; upload: string; fileName: string; mediaType: string; size: number }
  | { staged: false };

/**
 * Cleans a file of its metadata, encrypts it and keeps it until a report or reply claims it.
 * The caller has read the bytes within the size limit; nothing about the sender is passed in.
 * Throws UnreadableFile for a kind that is not allowed or a damaged file.
 */
export async function stageAttachment(
  context: Context,
  rawName: string,
  bytes: Buffer,
): Promise<StagedUpload> {
  const cleaned = await cleanAttachment(bytes);
  const fileName = safeFileName(rawName, cleaned.kind);
  const upload = randomBytes(32).toString('base64url');
  const staged = await context.db.write(async (em) => {
    const [row] = await em.execute<Array<{ staged: boolean }>>(
      'select alany.stage_report_attachment(?, ?, ?, ?, ?, ?, ?) as staged',
      [
        randomUUID(),
        uploadKeyHash(upload),
        cleaned.kind,
        cleaned.bytes.length,
        context.sealer.seal(fileName),
        context.sealer.sealBytes(cleaned.bytes),
        MAX_PENDING_UPLOAD_BYTES,
      ],
    );
    return Boolean(row?.staged);
  });
  if (!staged) return { staged: false };
  return { staged: true, upload, fileName, mediaType: cleaned.kind, size: cleaned.bytes.length };
}

/** Claims the uploads named by their keys for a report (and a reporter's message), or fails. */
async function claimAttachments(
  em: EntityManager,
  reportId: string,
  messageId: string | null,
  uploads: string[],
): Promise<void> {
  const keys = [...new Set(uploads)];
  if (!keys.length) return;
  const [row] = await em.execute<Array<{ claimed: number }>>(
    'select alany.claim_report_attachments(?, ?, ?::text[]) as claimed',
    [reportId, messageId, `{${keys.map(uploadKeyHash).join(',')}}`],
  );
  if (row?.claimed !== keys.length) {
    throw BadUserInput.field(
      'attachments',
      'UPLOAD_NOT_FOUND',
      'An attached file was not found or waited more than a day. Attach it again.',
    );
  }
}

async function slowly<T>(started: number, work: Promise<T>): Promise<T> {
  const settle = async () => {
    const wait = RECEIPT_MIN_MS - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
  try {
    const result = await work;
    await settle();
    return result;
  } catch (error) {
    await settle();
    throw error;
  }
}

/**
 * Files a report without an account. Nothing about the sender is read or kept: not the viewer,
 * not the address, not the browser. The receipt is returned once; only its keyed lookup and an
 * argon2id hash are stored.
 */
export async function submitReport(context: Context, input: SubmitReportInput): Promise<string> {
  await gateReporting(context, 'submit', input.proof);
  const receipt = newReceipt();
  const digits = normaliseReceipt(receipt);
  const verifier = await hashPassword(digits);
  const category = input.category.normalize('NFC').trim();
  const sealed: SealedReport = {
    category,
    title: input.title.normalize('NFC').trim(),
    body: input.body,
    occurredAt: input.occurredAt ?? null,
    place: input.place.trim(),
    involvedParties: input.involvedParties.trim(),
    contact: input.contact?.trim() || null,
  };
  const reportId = randomUUID();
  await context.db.write(async (em) => {
    const organisation = await reportingOrganisation(em, input.organisationSlug);
    const config = await em.findOne(ReportingConfig, { organisationId: organisation.id });
    if (!config?.enabled) {
      throw BadUserInput.field(
        'organisationSlug',
        'REPORTING_DISABLED',
        'This organisation does not take reports through Alany.',
      );
    }
    const offered =
      !config.categories.length ||
      config.categories.includes(category) ||
      (config.offerOther && category === OTHER_CATEGORY);
    if (!offered) {
      throw BadUserInput.field(
        'category',
        'UNKNOWN_CATEGORY',
        'Choose one of the categories offered.',
      );
    }
    await em.execute('select alany.submit_report(?, ?, ?, ?, ?, ?)', [
      reportId,
      organisation.id,
      categoryLookup(context, organisation.id, category),
      context.sealer.lookup(digits),
      verifier,
      context.sealer.seal(JSON.stringify(sealed)),
    ]);
    await claimAttachments(em, reportId, null, input.attachments ?? []);
    context.db.afterCommit(() =>
      context.pubsub.publish(reportTopic(organisation.id), {
        kind: ReportActivityKind.NEW_REPORT,
        reportId,
      }),
    );
  });
  return receipt;
}

interface ReceiptRow {
  id: string;
  organisation_id: string;
  receipt_hash: string;
  status: ReportStatus;
  category: string;
  payload: Buffer;
  submitted_on: string | Date;
}

/** The report a receipt opens: the same answer, after the same delay, for a wrong or unknown one. */
async function openWithReceipt(context: Context, receipt: string): Promise<ReceiptRow> {
  const started = Date.now();
  return slowly(
    started,
    (async () => {
      const digits = normaliseReceipt(receipt);
      const [row] = await context.db.read((em) =>
        em.execute<ReceiptRow[]>('select * from alany.report_for_receipt(?)', [
          context.sealer.lookup(digits),
        ]),
      );
      const matches = await verifyPassword(row?.receipt_hash ?? (await decoyHash()), digits);
      if (!row || !matches) throw notFound('No report matches this receipt. It');
      return row;
    })(),
  );
}

export async function reportByReceipt(
  context: Context,
  receipt: string,
  proof: string | null | undefined,
): Promise<ReporterView> {
  await gateReporting(context, 'receipt', proof);
  return reporterView(context, receipt);
}

async function reporterView(context: Context, receipt: string): Promise<ReporterView> {
  const row = await openWithReceipt(context, receipt);
  const sealed = JSON.parse(context.sealer.open(row.payload)) as SealedReport;
  const { messages, attachments } = await context.db.read(async (em) => ({
    messages: await em.execute<
      Array<{ id: string; from_reporter: boolean; body: Buffer; sent_on: string | Date }>
    >('select * from alany.report_messages_for_reporter(?)', [row.id]),
    attachments: (
      await em.execute<
        Array<{
          id: string;
          message_id: string | null;
          media_type: string;
          size: number;
          file_name: Buffer;
        }>
      >('select * from alany.report_attachments_for_reporter(?)', [row.id])
    ).map((a) => ({
      id: a.id,
      messageId: a.message_id,
      mediaType: a.media_type,
      size: a.size,
      fileName: a.file_name,
    })),
  }));
  return {
    status: row.status,
    category: sealed.category ?? row.category,
    title: sealed.title,
    submittedOn: day(row.submitted_on),
    attachments: attachmentsOf(context, attachments, null),
    messages: messages.map((m) => messageView(context, m, attachments)),
  };
}

export async function replyToReport(
  context: Context,
  receipt: string,
  body: string,
  attachments: string[],
  proof: string | null | undefined,
): Promise<ReporterView> {
  await gateReporting(context, 'reply', proof);
  const row = await openWithReceipt(context, receipt);
  await context.db.write(async (em) => {
    const messageId = randomUUID();
    await em.execute('select alany.reporter_reply(?, ?, ?)', [
      row.id,
      messageId,
      context.sealer.seal(body),
    ]);
    await claimAttachments(em, row.id, messageId, attachments);
    context.db.afterCommit(() =>
      context.pubsub.publish(reportTopic(row.organisation_id), {
        kind: ReportActivityKind.NEW_MESSAGE,
        reportId: row.id,
      }),
    );
  });
  return reporterView(context, receipt);
}
