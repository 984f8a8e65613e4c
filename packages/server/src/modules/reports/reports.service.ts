import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decoyHash, hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, forbidden, notFound } from '../../platform/graphql/errors.js';
import { decodeCursor, toConnection, type PageArgs } from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireVerified, userLoader } from '../accounts/index.js';
import { notifyReportHandlersChanged } from '../notifications/notifications.service.js';
import { MemberRole, Organisation } from '../organisations/index.js';
import { requireRole } from '../organisations/index.js';
import { cleanAttachment, safeFileName } from './reports.files.js';
import { passGate, type ReportingAction } from './reports.gate.js';
import {
  IntegrityReport,
  ReportAttachment,
  ReportHandler,
  ReportingConfig,
  ReportMessage,
  ReportStatus,
} from './reports.entity.js';
import {
  ReportActivityKind,
  type ConfigureReportingInput,
  type IntegrityReportView,
  type ReportAttachmentView,
  type ReporterView,
  type ReportFilter,
  type ReportHandlersView,
  type ReportingPage,
  type ReportingSettings,
  type ReportMessageView,
  type SubmitReportInput,
} from './reports.inputs.js';

/** Wrong and right receipts take at least this long, so timing tells nothing. */
const RECEIPT_MIN_MS = 400;
const ACKNOWLEDGE_DAYS = 7;
const FEEDBACK_MONTHS = 3;

export const reportTopic = (organisationId: string) => `reports:${organisationId}`;

interface SealedReport {
  /** Absent in reports filed before the category was sealed: those keep it in their row. */
  category?: string;
  title: string;
  body: string;
  occurredAt: string | null;
  place: string;
  involvedParties: string;
  contact: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);
const day = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** 16 digits from a CSPRNG: 10^16 possibilities, shown in groups of four. */
function newReceipt(): string {
  return Array.from({ length: 4 }, () => String(randomInt(0, 10_000)).padStart(4, '0')).join('-');
}

const normaliseReceipt = (receipt: string) => receipt.replace(/\D/g, '');

/**
 * Every anonymous reporting request passes the gate (reports.gate.ts). Such a request reaches
 * here only over HTTP, where app.ts resolved no session for it and replaced the client's
 * address with the day's pseudonym; over a live connection (opened with a cookie) it is refused.
 */
/** What signs the proof-of-work challenges: the same on every instance with the same key. */
export const challengeSecret = (context: Pick<Context, 'sealer'>) =>
  context.sealer.lookup('alany report challenge v1');

export async function gateReporting(
  context: Pick<Context, 'reporting' | 'clientAddress' | 'rateLimiter' | 'sealer'>,
  action: ReportingAction,
  proof: string | undefined | null,
): Promise<void> {
  if (!context.reporting)
    throw forbidden('Send reports over HTTP on their own, not over a live connection.');
  await passGate(
    context.rateLimiter,
    challengeSecret(context),
    action,
    context.clientAddress,
    proof,
  );
}

/**
 * What the category column holds: a keyed lookup, per organisation, so that handlers can filter
 * by category while a stolen database shows none (the category itself is in the sealed payload).
 */
const categoryLookup = (context: Context, organisationId: string, category: string) =>
  `sealed:${context.sealer.lookup(`category\u0000${organisationId}\u0000${category}`)}`;

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

interface AttachmentRow {
  id: string;
  messageId: string | null;
  mediaType: string;
  size: number;
  fileName: Buffer;
}

function attachmentView(context: Context, row: AttachmentRow): ReportAttachmentView {
  return {
    id: row.id,
    fileName: context.sealer.open(row.fileName),
    mediaType: row.mediaType,
    size: row.size,
  };
}

/** Report-level files and each message's files. */
function attachmentsOf(context: Context, rows: AttachmentRow[], messageId: string | null) {
  return rows.filter((r) => r.messageId === messageId).map((r) => attachmentView(context, r));
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

async function organisationBySlug(em: EntityManager, slug: string) {
  const organisation = await em.findOne(Organisation, { slug: slug.trim().toLowerCase() });
  if (!organisation) throw notFound('The organisation');
  return organisation;
}

export async function reportingPage(context: Context, slug: string): Promise<ReportingPage> {
  return context.db.read(async (em) => {
    const organisation = await organisationBySlug(em, slug);
    const config = await em.findOne(ReportingConfig, { organisationId: organisation.id });
    return {
      organisationName: organisation.name,
      enabled: config?.enabled ?? false,
      intro: config?.intro ?? '',
      categories: config?.categories ?? [],
    };
  });
}

export async function configureReporting(
  context: Context,
  input: ConfigureReportingInput,
): Promise<ReportingSettings> {
  requireUser(context);
  await requireRole(context, input.organisationId, MemberRole.ADMIN);
  const handlerIds = [...new Set(input.handlerUserIds)];
  if (input.enabled && handlerIds.length === 0) {
    throw BadUserInput.field(
      'handlerUserIds',
      'NO_HANDLERS',
      'Choose at least one case handler before turning reporting on.',
    );
  }
  const before = (
    await context.db.read((em) => em.find(ReportHandler, { organisationId: input.organisationId }))
  ).map((h) => h.userId);
  const added = handlerIds.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !handlerIds.includes(id));
  // Who reads every report, past ones included, is an owner's decision, never an admin's.
  if (added.length || removed.length) {
    await requireRole(context, input.organisationId, MemberRole.OWNER).catch((error: unknown) => {
      throw (error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN'
        ? forbidden('Only an owner of the organisation can change who the case handlers are.')
        : error;
    });
  }
  return context.db.write(async (em) => {
    const members = await em.execute<Array<{ user_id: string }>>(
      'select user_id from membership where organisation_id = ? and user_id = any(?::uuid[])',
      [input.organisationId, `{${handlerIds.join(',')}}`],
    );
    if (members.length !== handlerIds.length) {
      throw BadUserInput.field(
        'handlerUserIds',
        'NOT_MEMBER',
        'Case handlers must be members of the organisation.',
      );
    }
    const categories = [
      ...new Set(input.categories.map((c) => c.normalize('NFC').trim()).filter(Boolean)),
    ];
    await em.upsert(ReportingConfig, {
      organisationId: input.organisationId,
      enabled: input.enabled,
      intro: input.intro,
      categories,
      updatedAt: new Date(),
    });
    if (added.length || removed.length) {
      if (removed.length)
        await em.nativeDelete(ReportHandler, {
          organisationId: input.organisationId,
          userId: { $in: removed },
        });
      for (const userId of added)
        em.create(ReportHandler, { organisationId: input.organisationId, userId });
      await em.flush();
      await em.execute(
        `insert into report_handler_change (id, organisation_id, changed_by, changed_on, added, removed)
         values (?, ?, ?, current_date, ?::uuid[], ?::uuid[])`,
        [
          randomUUID(),
          input.organisationId,
          requireUser(context).userId,
          `{${added.join(',')}}`,
          `{${removed.join(',')}}`,
        ],
      );
      // Everyone who reads reports, or did until now, hears of it.
      await notifyReportHandlersChanged(em, context, input.organisationId, [
        ...before,
        ...handlerIds,
      ]);
    }
    recordAudit(em, context, {
      organisationId: input.organisationId,
      action: 'reporting.configured',
      targetType: 'Organisation',
      targetId: input.organisationId,
      data: { enabled: input.enabled, handlerUserIds: handlerIds, added, removed, categories },
    });
    await em.flush();
    const organisation = await em.findOneOrFail(Organisation, { id: input.organisationId });
    return {
      organisationName: organisation.name,
      enabled: input.enabled,
      intro: input.intro,
      categories,
      handlerUserIds: handlerIds,
    };
  });
}

/**
 * The handlers' own view of who reads reports and how that changed: nobody is added (or
 * removed) without the others seeing it. The 20 latest changes, newest first.
 */
export async function reportHandlers(
  context: Context,
  organisationId: string,
): Promise<ReportHandlersView> {
  await requireHandler(context, organisationId);
  const { handlers, changes } = await context.db.read(async (em) => ({
    handlers: await em.execute<Array<{ user_id: string }>>(
      'select user_id from alany.fellow_handlers(?) as user_id',
      [organisationId],
    ),
    changes: await em.execute<
      Array<{
        changed_by: string | null;
        changed_on: string | Date;
        added: string[];
        removed: string[];
      }>
    >(
      `select changed_by, changed_on, added, removed from report_handler_change
       where organisation_id = ? order by position desc limit 20`,
      [organisationId],
    ),
  }));
  const users = userLoader(context);
  const name = async (id: string | null) =>
    id ? ((await users.load(id).catch(() => null))?.displayName ?? null) : null;
  const names = async (ids: string[]) =>
    (await Promise.all(ids.map((id) => name(id)))).map((n) => n ?? '—');
  return {
    handlers: await names(handlers.map((h) => h.user_id)),
    changes: await Promise.all(
      changes.map(async (c) => ({
        changedOn: day(c.changed_on),
        changedBy: await name(c.changed_by),
        added: await names(c.added),
        removed: await names(c.removed),
      })),
    ),
  };
}

export async function reportingSettings(
  context: Context,
  organisationId: string,
): Promise<ReportingSettings> {
  await requireRole(context, organisationId, MemberRole.ADMIN);
  return context.db.read(async (em) => {
    const organisation = await em.findOneOrFail(Organisation, { id: organisationId });
    const config = await em.findOne(ReportingConfig, { organisationId });
    const handlers = await em.find(ReportHandler, { organisationId });
    return {
      organisationName: organisation.name,
      enabled: config?.enabled ?? false,
      intro: config?.intro ?? '',
      categories: config?.categories ?? [],
      handlerUserIds: handlers.map((h) => h.userId),
    };
  });
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
    const organisation = await organisationBySlug(em, input.organisationSlug);
    const config = await em.findOne(ReportingConfig, { organisationId: organisation.id });
    if (!config?.enabled) {
      throw BadUserInput.field(
        'organisationSlug',
        'REPORTING_DISABLED',
        'This organisation does not take reports through Alany.',
      );
    }
    if (config.categories.length && !config.categories.includes(category)) {
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

function messageView(
  context: Context,
  row: {
    id: string;
    from_reporter: boolean;
    internal?: boolean;
    body: Buffer;
    sent_on: string | Date;
  },
  attachments: AttachmentRow[],
): ReportMessageView {
  return {
    id: row.id,
    fromReporter: row.from_reporter,
    internal: Boolean(row.internal),
    body: context.sealer.open(row.body),
    sentOn: day(row.sent_on),
    attachments: attachmentsOf(context, attachments, row.id),
  };
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

/** Only the organisation's case handlers; other admins get FORBIDDEN, outsiders NOT_FOUND. */
export async function requireHandler(context: Context, organisationId: string): Promise<string> {
  const { userId } = requireUser(context);
  await requireRole(context, organisationId, MemberRole.MEMBER);
  const handler = await context.db.read((em) =>
    em.count(ReportHandler, { organisationId, userId }),
  );
  if (!handler)
    throw forbidden("Only the organisation's designated case handlers can read reports.");
  await requireVerified(context, 'act as a case handler');
  return userId;
}

function view(
  context: Context,
  report: IntegrityReport,
  messages: ReportMessage[],
  attachments: AttachmentRow[],
): IntegrityReportView {
  const sealed = JSON.parse(context.sealer.open(report.payload)) as SealedReport;
  const submittedOn = day(report.submittedOn);
  const acknowledgeBy = addDays(submittedOn, ACKNOWLEDGE_DAYS);
  const feedbackBy = addMonths(submittedOn, FEEDBACK_MONTHS);
  const closed =
    report.status === ReportStatus.RESOLVED || report.status === ReportStatus.DISMISSED;
  return {
    id: report.id,
    status: report.status,
    ...sealed,
    category: sealed.category ?? report.category,
    submittedOn,
    acknowledgeBy,
    feedbackBy,
    acknowledgedOn: report.acknowledgedOn ? day(report.acknowledgedOn) : null,
    lastFeedbackOn: report.lastHandlerMessageOn ? day(report.lastHandlerMessageOn) : null,
    acknowledgementOverdue: !report.acknowledgedOn && today() > acknowledgeBy,
    feedbackOverdue: !closed && !report.lastHandlerMessageOn && today() > feedbackBy,
    assigneeUserId: report.assigneeUserId ?? null,
    messageCount: messages.filter((m) => !m.internal).length,
    attachments: attachmentsOf(context, attachments, null),
    messages: messages.map((m) =>
      messageView(
        context,
        {
          id: m.id,
          from_reporter: m.fromReporter,
          internal: m.internal,
          body: m.body,
          sent_on: m.sentOn,
        },
        attachments,
      ),
    ),
  };
}

export async function listReports(
  context: Context,
  organisationId: string,
  filter: ReportFilter | undefined,
  page: PageArgs,
) {
  await requireHandler(context, organisationId);
  const after = decodeCursor(page.after);
  const rows = await context.db.read((em) =>
    em.find(
      IntegrityReport,
      {
        organisationId,
        ...(filter?.status ? { status: filter.status } : {}),
        ...(filter?.category
          ? {
              category: {
                $in: [filter.category, categoryLookup(context, organisationId, filter.category)],
              },
            }
          : {}),
        ...(after
          ? {
              $or: [
                { submittedOn: { $lt: day(after.at) } },
                { submittedOn: day(after.at), id: { $lt: after.id } },
              ],
            }
          : {}),
      },
      { orderBy: { submittedOn: 'desc', id: 'desc' }, limit: page.first + 1 },
    ),
  );
  const connection = toConnection(
    rows,
    page.first,
    (r) => ({ at: new Date(`${day(r.submittedOn)}T00:00:00Z`), id: r.id }),
    Boolean(after),
  );
  // One query for the page's report-level files, not one per report.
  const attachments = await loadAttachments(
    context,
    connection.edges.map((e) => e.node.id),
    true,
  );
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({
      cursor: edge.cursor,
      node: view(
        context,
        edge.node,
        [],
        attachments.filter((a) => a.reportId === edge.node.id),
      ),
    })),
  };
}

async function handledReport(
  context: Context,
  id: string,
): Promise<{ report: IntegrityReport; userId: string }> {
  const report = await context.db.read((em) => em.findOne(IntegrityReport, { id }));
  if (!report) {
    // Handlers of one organisation and everybody else hear the same.
    requireUser(context);
    throw notFound('The report');
  }
  const userId = await requireHandler(context, report.organisationId).catch((error: unknown) => {
    throw (error as { extensions?: { code?: string } }).extensions?.code === 'FORBIDDEN'
      ? error
      : notFound('The report');
  });
  return { report, userId };
}

async function loadAttachments(
  context: Context,
  reportIds: string[],
  reportLevelOnly = false,
): Promise<Array<AttachmentRow & { reportId: string }>> {
  if (!reportIds.length) return [];
  const rows = await context.db.read((em) =>
    em.find(
      ReportAttachment,
      { reportId: { $in: reportIds }, ...(reportLevelOnly ? { messageId: null } : {}) },
      {
        fields: ['id', 'reportId', 'messageId', 'mediaType', 'size', 'fileName'],
        orderBy: { position: 'asc' },
      },
    ),
  );
  return rows.map((r) => ({
    id: r.id,
    reportId: r.reportId!,
    messageId: r.messageId ?? null,
    mediaType: r.mediaType,
    size: r.size,
    fileName: r.fileName,
  }));
}

export async function reportForHandler(context: Context, id: string): Promise<IntegrityReportView> {
  const { report } = await handledReport(context, id);
  const messages = await context.db.read((em) =>
    em.find(ReportMessage, { reportId: id }, { orderBy: { position: 'asc' } }),
  );
  return view(context, report, messages, await loadAttachments(context, [id]));
}

/**
 * A file for a case handler to download: the same NOT_FOUND for an unknown id, another
 * organisation's file and a member who is not a handler. Every download is audited.
 */
export async function attachmentForHandler(
  context: Context,
  id: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const attachment = await context.db.read((em) =>
    em.findOne(ReportAttachment, { id, reportId: { $ne: null } }, { populate: ['content'] }),
  );
  if (!attachment?.organisationId) throw notFound('The file');
  const organisationId = attachment.organisationId;
  await requireHandler(context, organisationId).catch((error: unknown) => {
    const code = (error as { extensions?: { code?: string } }).extensions?.code;
    throw code === 'FORBIDDEN' || code === 'NOT_FOUND' ? notFound('The file') : error;
  });
  await context.db.write(async (em) => {
    recordAudit(em, context, {
      organisationId,
      action: 'report.attachment_downloaded',
      targetType: 'IntegrityReport',
      targetId: attachment.reportId ?? null,
      data: { attachmentId: id },
    });
    await em.flush();
  });
  return {
    fileName: context.sealer.open(attachment.fileName),
    mediaType: attachment.mediaType,
    content: context.sealer.openBytes(attachment.content),
  };
}

async function changeReport(
  context: Context,
  id: string,
  action: string,
  change: (report: IntegrityReport, em: EntityManager, userId: string) => Promise<void> | void,
  data: Record<string, unknown> = {},
): Promise<IntegrityReportView> {
  const { report, userId } = await handledReport(context, id);
  await context.db.write(async (em) => {
    const managed = em.merge(report);
    await change(managed, em, userId);
    managed.updatedOn = today();
    // The log says who did what to which report: never what the report says.
    recordAudit(em, context, {
      organisationId: report.organisationId,
      action,
      targetType: 'IntegrityReport',
      targetId: report.id,
      data,
    });
    await em.flush();
  });
  context.loaders.clear();
  return reportForHandler(context, id);
}

export function setReportStatus(context: Context, id: string, status: ReportStatus, note: string) {
  return changeReport(
    context,
    id,
    'report.status_changed',
    (report, em, userId) => {
      report.status = status;
      if (status !== ReportStatus.RECEIVED && !report.acknowledgedOn)
        report.acknowledgedOn = today();
      if (note.trim()) {
        em.create(ReportMessage, {
          organisationId: report.organisationId,
          reportId: report.id,
          fromReporter: false,
          internal: true,
          handlerUserId: userId,
          body: context.sealer.seal(note.trim()),
          sentOn: today(),
        });
      }
    },
    { status },
  );
}

export function messageReporter(context: Context, id: string, body: string) {
  return changeReport(context, id, 'report.messaged', (report, em, userId) => {
    em.create(ReportMessage, {
      organisationId: report.organisationId,
      reportId: report.id,
      fromReporter: false,
      handlerUserId: userId,
      body: context.sealer.seal(body),
      sentOn: today(),
    });
    report.lastHandlerMessageOn = today();
    report.acknowledgedOn ??= today();
  });
}

export function assignReport(
  context: Context,
  id: string,
  handlerUserId: string | null | undefined,
) {
  return changeReport(
    context,
    id,
    'report.assigned',
    async (report, em) => {
      if (
        handlerUserId &&
        !(await em.count(ReportHandler, {
          organisationId: report.organisationId,
          userId: handlerUserId,
        }))
      ) {
        throw BadUserInput.field(
          'handlerUserId',
          'NOT_HANDLER',
          'Assign the report to one of the case handlers.',
        );
      }
      report.assigneeUserId = handlerUserId ?? null;
    },
    { assigneeUserId: handlerUserId ?? null },
  );
}
