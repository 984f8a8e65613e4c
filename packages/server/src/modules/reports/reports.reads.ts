import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../platform/graphql/context.js';
import { notFound } from '../../platform/graphql/errors.js';
import { organisationBySlugIn } from '../organisations/index.js';
import type { ReportAttachmentView, ReportMessageView } from './reports.inputs.js';

/**
 * What both sides of a report read: the sealed payload's shape, dates kept to the day, files
 * and messages as views (opened with the sealer), and the organisation a report is for.
 */

export interface SealedReport {
  /** Absent in reports filed before the category was sealed: those keep it in their row. */
  category?: string;
  title: string;
  body: string;
  occurredAt: string | null;
  place: string;
  involvedParties: string;
  contact: string | null;
}

export const today = () => new Date().toISOString().slice(0, 10);
export const day = (value: string | Date) =>
  typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/**
 * What the category column holds: a keyed lookup, per organisation, so that handlers can filter
 * by category while a stolen database shows none (the category itself is in the sealed payload).
 */
export const categoryLookup = (context: Context, organisationId: string, category: string) =>
  `sealed:${context.sealer.lookup(`category\u0000${organisationId}\u0000${category}`)}`;

export interface AttachmentRow {
  id: string;
  messageId: string | null;
  mediaType: string;
  size: number;
  fileName: Buffer;
}

export function attachmentView(context: Context, row: AttachmentRow): ReportAttachmentView {
  return {
    id: row.id,
    fileName: context.sealer.open(row.fileName),
    mediaType: row.mediaType,
    size: row.size,
  };
}

/** Report-level files and each message's files. */
export function attachmentsOf(context: Context, rows: AttachmentRow[], messageId: string | null) {
  return rows.filter((r) => r.messageId === messageId).map((r) => attachmentView(context, r));
}

export function messageView(
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

/** The organisation a reporting page or report names by its address; NOT_FOUND otherwise. */
export async function reportingOrganisation(em: EntityManager, slug: string) {
  const organisation = await organisationBySlugIn(em, slug);
  if (!organisation) throw notFound('The organisation');
  return organisation;
}
