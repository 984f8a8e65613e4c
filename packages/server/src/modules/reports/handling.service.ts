import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput, notFound } from '../../platform/graphql/errors.js';
import { decodeCursor, toConnection, type PageArgs } from '../../platform/graphql/pagination.js';
import { recordAudit } from '../audit/index.js';
import {
  IntegrityReport,
  ReportAttachment,
  ReportHandler,
  ReportMessage,
  ReportStatus,
} from './reports.entity.js';
import type { IntegrityReportView, ReportFilter } from './reports.inputs.js';
import { requireHandler } from './reports.policy.js';
import {
  attachmentsOf,
  categoryLookup,
  day,
  messageView,
  today,
  type AttachmentRow,
  type SealedReport,
} from './reports.reads.js';

/** The case handlers' side: the inbox, a report with its files, and changing a report. */

const ACKNOWLEDGE_DAYS = 7;
const FEEDBACK_MONTHS = 3;

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
