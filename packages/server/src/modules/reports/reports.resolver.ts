import { Arg, Args, Ctx, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../platform/graphql/context.js';
import { Public, SignedIn } from '../../platform/graphql/authorization.js';
import { ConnectionType, PageArgs } from '../../platform/graphql/pagination.js';
import {
  AssignReportInput,
  ConfigureReportingInput,
  IntegrityReportView,
  MessageReporterInput,
  ReplyToReportInput,
  ReportActivity,
  ReporterView,
  ReportFilter,
  ReportHandlersView,
  ReportingPage,
  ReportingSettings,
  SetReportStatusInput,
  SubmitReportInput,
  SubmitReportPayload,
} from './reports.inputs.js';
import {
  configureReporting,
  reportHandlers,
  reportingPage,
  reportingSettings,
} from './settings.service.js';
import { replyToReport, reportByReceipt, submitReport } from './submission.service.js';
import {
  assignReport,
  listReports,
  messageReporter,
  reportForHandler,
  setReportStatus,
} from './handling.service.js';
import { challengeSecret, requireHandler } from './reports.policy.js';
import { reportTopic } from './reports.live.js';
import { issueChallenge } from './reports.gate.js';

const IntegrityReportConnection = ConnectionType(IntegrityReportView, 'IntegrityReport');

/** Handlers' live feed: new reports and new reporter messages, never their content. */
async function* liveReports(
  context: Context,
  organisationId: string,
): AsyncGenerator<ReportActivity> {
  await requireHandler(context, organisationId);
  const events = context.pubsub.subscribe<ReportActivity>(reportTopic(organisationId));
  try {
    for await (const event of events) {
      context.loaders.clear();
      const stillHandler = await requireHandler(context, organisationId).then(
        () => true,
        () => false,
      );
      if (!stillHandler) return;
      yield event;
    }
  } finally {
    await events.return?.();
  }
}

@Resolver()
export class ReportsResolver {
  @Query(() => ReportingPage, { description: "An organisation's public reporting page." })
  @Public()
  reportingPage(@Arg('organisationSlug') slug: string, @Ctx() context: Context) {
    return reportingPage(context, slug);
  }

  @Query(() => ReportingSettings, { description: 'Reporting settings and case handlers (admins).' })
  @SignedIn()
  reportingSettings(
    @Arg('organisationId', () => ID) organisationId: string,
    @Ctx() context: Context,
  ) {
    return reportingSettings(context, organisationId);
  }

  @Query(() => String, {
    description:
      'A proof-of-work challenge for one anonymous reporting request (submitReport, reportByReceipt, replyToReport, POST /report-uploads): solve it (altcha-lib v2, SHA-256) and send the solution as `proof`. Valid for ten minutes, once.',
  })
  @Public()
  reportChallenge(@Ctx() context: Context) {
    return issueChallenge(challengeSecret(context));
  }

  @Query(() => ReporterView, {
    description: 'The reporter follows up with the receipt: status and messages.',
  })
  @Public()
  reportByReceipt(
    @Arg('receipt') receipt: string,
    @Arg('proof', { description: 'A solved reportChallenge.' }) proof: string,
    @Ctx() context: Context,
  ) {
    return reportByReceipt(context, receipt, proof);
  }

  @Query(() => IntegrityReportConnection, {
    description: "The organisation's reports, newest first (case handlers only).",
  })
  @SignedIn()
  reports(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('filter', () => ReportFilter, { nullable: true }) filter: ReportFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() context: Context,
  ) {
    return listReports(context, organisationId, filter ?? undefined, page);
  }

  @Query(() => ReportHandlersView, {
    description: 'The case handlers and the latest changes to them (case handlers only).',
  })
  @SignedIn()
  reportHandlers(@Arg('organisationId', () => ID) organisationId: string, @Ctx() context: Context) {
    return reportHandlers(context, organisationId);
  }

  @Query(() => IntegrityReportView, {
    nullable: true,
    description: 'One report with its conversation (case handlers only).',
  })
  @SignedIn()
  report(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
    return reportForHandler(context, id);
  }

  @Mutation(() => ReportingSettings, {
    description:
      'Turns reporting on or off (admins) and names the case handlers (owners only; the handlers are notified).',
  })
  @SignedIn()
  configureReporting(@Arg('input') input: ConfigureReportingInput, @Ctx() context: Context) {
    return configureReporting(context, input);
  }

  @Mutation(() => SubmitReportPayload, {
    description: 'Files a report anonymously. Keep the receipt: it is shown once.',
  })
  @Public()
  async submitReport(@Arg('input') input: SubmitReportInput, @Ctx() context: Context) {
    return { receipt: await submitReport(context, input) };
  }

  @Mutation(() => ReporterView, {
    description: 'The reporter answers the handlers, with the receipt.',
  })
  @Public()
  replyToReport(@Arg('input') input: ReplyToReportInput, @Ctx() context: Context) {
    return replyToReport(context, input.receipt, input.body, input.attachments, input.proof);
  }

  @Mutation(() => IntegrityReportView)
  @SignedIn()
  setReportStatus(@Arg('input') input: SetReportStatusInput, @Ctx() context: Context) {
    return setReportStatus(context, input.id, input.status, input.note);
  }

  @Mutation(() => IntegrityReportView)
  @SignedIn()
  messageReporter(@Arg('input') input: MessageReporterInput, @Ctx() context: Context) {
    return messageReporter(context, input.id, input.body);
  }

  @Mutation(() => IntegrityReportView)
  @SignedIn()
  assignReport(@Arg('input') input: AssignReportInput, @Ctx() context: Context) {
    return assignReport(context, input.id, input.handlerUserId);
  }

  @Subscription(() => ReportActivity, {
    description: 'New reports and reporter messages, for the case handlers.',
    subscribe: ({ args, context }) => liveReports(context as Context, String(args.organisationId)),
  })
  @SignedIn()
  reportActivity(
    @Arg('organisationId', () => ID) _organisationId: string,
    @Root() event: ReportActivity,
  ): ReportActivity {
    return event;
  }
}
