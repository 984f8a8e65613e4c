import { randomUUID } from 'node:crypto';
import type { Context } from '../../platform/graphql/context.js';
import { requireUser } from '../../platform/graphql/authorization.js';
import { BadUserInput } from '../../platform/graphql/errors.js';
import { recordAudit } from '../audit/index.js';
import { userLoader } from '../accounts/index.js';
import { notifyReportHandlersChanged } from '../notifications/index.js';
import { membersAmong, organisationByIdIn } from '../organisations/index.js';
import { ReportHandler, ReportingConfig } from './reports.entity.js';
import type {
  ConfigureReportingInput,
  ReportHandlersView,
  ReportingPage,
  ReportingSettings,
} from './reports.inputs.js';
import {
  requireChangeHandlers,
  requireConfigureReporting,
  requireHandler,
} from './reports.policy.js';
import { day, reportingOrganisation } from './reports.reads.js';

/** Reporting settings: the public page, who handles reports, and how that changed. */

export async function reportingPage(context: Context, slug: string): Promise<ReportingPage> {
  return context.db.read(async (em) => {
    const organisation = await reportingOrganisation(em, slug);
    const config = await em.findOne(ReportingConfig, { organisationId: organisation.id });
    return {
      organisationName: organisation.name,
      enabled: config?.enabled ?? false,
      intro: config?.intro ?? '',
      categories: config?.categories ?? [],
      offerOther: config?.offerOther ?? true,
    };
  });
}

export async function configureReporting(
  context: Context,
  input: ConfigureReportingInput,
): Promise<ReportingSettings> {
  requireUser(context);
  await requireConfigureReporting(context, input.organisationId);
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
  if (added.length || removed.length) await requireChangeHandlers(context, input.organisationId);
  return context.db.write(async (em) => {
    const members = await membersAmong(em, input.organisationId, handlerIds);
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
      offerOther: input.offerOther,
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
      data: {
        enabled: input.enabled,
        handlerUserIds: handlerIds,
        added,
        removed,
        categories,
        offerOther: input.offerOther,
      },
    });
    await em.flush();
    const organisation = await organisationByIdIn(em, input.organisationId);
    return {
      organisationName: organisation.name,
      enabled: input.enabled,
      intro: input.intro,
      categories,
      offerOther: input.offerOther,
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
  await requireConfigureReporting(context, organisationId);
  return context.db.read(async (em) => {
    const organisation = await organisationByIdIn(em, organisationId);
    const config = await em.findOne(ReportingConfig, { organisationId });
    const handlers = await em.find(ReportHandler, { organisationId });
    return {
      organisationName: organisation.name,
      enabled: config?.enabled ?? false,
      intro: config?.intro ?? '',
      categories: config?.categories ?? [],
      offerOther: config?.offerOther ?? true,
      handlerUserIds: handlers.map((h) => h.userId),
    };
  });
}
