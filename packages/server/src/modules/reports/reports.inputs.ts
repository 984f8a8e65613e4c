import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IdField } from '../../platform/graphql/validators.js';
import { ReportStatus } from './reports.entity.js';

/** The category for a case that fits none of the organisation's: one value in every language. */
export const OTHER_CATEGORY = 'Other';

export enum ReportActivityKind {
  NEW_REPORT = 'NEW_REPORT',
  NEW_MESSAGE = 'NEW_MESSAGE',
}
registerEnumType(ReportActivityKind, { name: 'ReportActivityKind' });

const PROOF_DESCRIPTION =
  'A solved challenge from the reportChallenge query (altcha-lib v2 payload, base64url JSON of { challenge, solution }); each works once.';

const RECEIPT = /^\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}$/;

/** At most this many files with one report or one reply (each at most 10 MB, see reports.http.ts). */
export const MAX_ATTACHMENTS = 5;

const ATTACHMENTS_DESCRIPTION =
  'Upload keys from POST /report-uploads (one per file, at most 5). Files not claimed within a day are deleted.';

@InputType()
export class ConfigureReportingInput {
  @IdField()
  organisationId!: string;

  @Field()
  enabled!: boolean;

  @Field({ defaultValue: '', description: 'Shown on the public reporting page, in plain words.' })
  @MaxLength(5000)
  intro!: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 80, { each: true, message: 'A category has 1 to 80 characters.' })
  categories!: string[];

  @Field({
    defaultValue: true,
    description: `Offer "${OTHER_CATEGORY}" beside the categories, for a case that fits none of them.`,
  })
  offerOther!: boolean;

  @Field(() => [ID], {
    description: 'The only people who can read reports: members of the organisation.',
  })
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'Not a valid id.' })
  handlerUserIds!: string[];
}

@InputType()
export class SubmitReportInput {
  @Field()
  @Length(2, 60)
  organisationSlug!: string;

  @Field()
  @Length(1, 80, { message: 'Choose a category.' })
  category!: string;

  @Field()
  @Length(1, 200, { message: 'A title has 1 to 200 characters.' })
  title!: string;

  @Field()
  @Length(1, 20000, { message: 'Describe what happened (1 to 20 000 characters).' })
  body!: string;

  @Field({ nullable: true, description: 'Roughly when: a date (YYYY-MM-DD) or a month (YYYY-MM).' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}(-\d{2})?$/, { message: 'Use a date like 2026-05 or 2026-05-14.' })
  occurredAt?: string;

  @Field({ defaultValue: '' })
  @MaxLength(300)
  place!: string;

  @Field({ defaultValue: '' })
  @MaxLength(2000)
  involvedParties!: string;

  @Field({
    nullable: true,
    description:
      'Only if you choose to identify yourself: how handlers may reach you. Stays encrypted.',
  })
  @IsOptional()
  @MaxLength(300)
  contact?: string;

  @Field(() => [String], { defaultValue: [], description: ATTACHMENTS_DESCRIPTION })
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: 'Attach at most 5 files.' })
  @MaxLength(100, { each: true })
  attachments!: string[];

  @Field({ description: PROOF_DESCRIPTION })
  @MaxLength(4096)
  proof!: string;
}

@InputType()
export class ReplyToReportInput {
  @Field()
  @Matches(RECEIPT, { message: 'A receipt has 16 digits.' })
  receipt!: string;

  @Field()
  @Length(1, 20000, { message: 'A message has 1 to 20 000 characters.' })
  body!: string;

  @Field(() => [String], { defaultValue: [], description: ATTACHMENTS_DESCRIPTION })
  @ArrayMaxSize(MAX_ATTACHMENTS, { message: 'Attach at most 5 files.' })
  @MaxLength(100, { each: true })
  attachments!: string[];

  @Field({ description: PROOF_DESCRIPTION })
  @MaxLength(4096)
  proof!: string;
}

@InputType()
export class ReportFilter {
  @Field(() => ReportStatus, { nullable: true })
  @IsOptional()
  status?: ReportStatus;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(80)
  category?: string;
}

@InputType()
export class SetReportStatusInput {
  @IdField()
  id!: string;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field({
    defaultValue: '',
    description: 'An internal note for the other handlers; never shown to the reporter.',
  })
  @MaxLength(5000)
  note!: string;
}

@InputType()
export class MessageReporterInput {
  @IdField()
  id!: string;

  @Field()
  @Length(1, 20000, { message: 'A message has 1 to 20 000 characters.' })
  body!: string;
}

@InputType()
export class AssignReportInput {
  @IdField()
  id!: string;

  @Field(() => ID, { nullable: true, description: 'A case handler, or null to unassign.' })
  @IsOptional()
  @IsUUID('all', { message: 'Not a valid id.' })
  handlerUserId?: string | null;
}

@ObjectType({ description: "An organisation's public reporting page." })
export class ReportingPage {
  @Field()
  organisationName!: string;

  @Field()
  enabled!: boolean;

  @Field()
  intro!: string;

  @Field(() => [String])
  categories!: string[];

  @Field({
    description: `Whether the page offers "${OTHER_CATEGORY}" beside the categories (the value to submit for it; clients show it in the reporter's language).`,
  })
  offerOther!: boolean;
}

@ObjectType({ description: "An organisation's reporting settings, for its admins." })
export class ReportingSettings extends ReportingPage {
  @Field(() => [ID])
  handlerUserIds!: string[];
}

@ObjectType()
export class SubmitReportPayload {
  @Field({
    description:
      'Shown once: the only way back to the report. Nobody, Alany included, can recover it.',
  })
  receipt!: string;
}

@ObjectType({ description: 'A file the reporter attached, without its metadata.' })
export class ReportAttachmentView {
  @Field(() => ID, {
    description: 'Case handlers download it at /report-attachments/<id> (signed in).',
  })
  id!: string;

  @Field()
  fileName!: string;

  @Field({ description: 'image/jpeg, image/png, application/pdf or text/plain.' })
  mediaType!: string;

  @Field(() => Int, { description: 'Bytes, after the metadata was removed.' })
  size!: number;
}

@ObjectType()
export class ReportMessageView {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'From the reporter (else from a handler).' })
  fromReporter!: boolean;

  @Field({ description: 'A handlers-only note.' })
  internal!: boolean;

  @Field()
  body!: string;

  @Field({ description: 'The day only: no finer time is kept.' })
  sentOn!: string;

  @Field(() => [ReportAttachmentView])
  attachments!: ReportAttachmentView[];
}

@ObjectType({ description: 'What the reporter sees with the receipt.' })
export class ReporterView {
  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field()
  category!: string;

  @Field()
  title!: string;

  @Field()
  submittedOn!: string;

  @Field(() => [ReportAttachmentView], { description: 'Files sent with the report itself.' })
  attachments!: ReportAttachmentView[];

  @Field(() => [ReportMessageView])
  messages!: ReportMessageView[];
}

@ObjectType({ description: 'A report as its case handlers see it.' })
export class IntegrityReportView {
  @Field(() => ID)
  id!: string;

  @Field(() => ReportStatus)
  status!: ReportStatus;

  @Field()
  category!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true })
  occurredAt!: string | null;

  @Field()
  place!: string;

  @Field()
  involvedParties!: string;

  @Field(() => String, { nullable: true, description: 'Only if the reporter chose to identify.' })
  contact!: string | null;

  @Field()
  submittedOn!: string;

  @Field({ description: 'Acknowledge within 7 days (EU Whistleblower Directive).' })
  acknowledgeBy!: string;

  @Field({ description: 'Give feedback within 3 months.' })
  feedbackBy!: string;

  @Field(() => String, { nullable: true, description: 'The day a handler first acted on it.' })
  acknowledgedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The day of the latest message from a handler to the reporter.',
  })
  lastFeedbackOn!: string | null;

  @Field()
  acknowledgementOverdue!: boolean;

  @Field()
  feedbackOverdue!: boolean;

  @Field(() => ID, { nullable: true })
  assigneeUserId!: string | null;

  @Field(() => Int)
  messageCount!: number;

  @Field(() => [ReportAttachmentView], { description: 'Files sent with the report itself.' })
  attachments!: ReportAttachmentView[];

  @Field(() => [ReportMessageView])
  messages!: ReportMessageView[];
}

@ObjectType()
export class ReportActivity {
  @Field(() => ReportActivityKind)
  kind!: ReportActivityKind;

  @Field(() => ID)
  reportId!: string;
}

@ObjectType({
  description: 'A change of the case handlers: by whom, on which day, whom it added or removed.',
})
export class ReportHandlerChange {
  @Field({ description: 'The day (YYYY-MM-DD).' })
  changedOn!: string;

  @Field(() => String, { nullable: true, description: 'The owner who made it (null once gone).' })
  changedBy!: string | null;

  @Field(() => [String])
  added!: string[];

  @Field(() => [String])
  removed!: string[];
}

@ObjectType({
  description: "Who reads the organisation's reports, and how that changed (handlers only).",
})
export class ReportHandlersView {
  @Field(() => [String], { description: 'The case handlers, by name (at most 20).' })
  handlers!: string[];

  @Field(() => [ReportHandlerChange], { description: 'The 20 latest changes, newest first.' })
  changes!: ReportHandlerChange[];
}
