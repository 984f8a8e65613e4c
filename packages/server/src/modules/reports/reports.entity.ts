import { randomUUID } from 'node:crypto';
import {
  ArrayType,
  BlobType,
  Entity,
  Enum,
  PrimaryKey,
  Property,
  type Opt,
} from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';

export enum ReportStatus {
  RECEIVED = 'RECEIVED',
  TRIAGED = 'TRIAGED',
  INVESTIGATING = 'INVESTIGATING',
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus' });

@Entity({ tableName: 'reporting_config' })
export class ReportingConfig {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'text' })
  intro: string & Opt = '';

  @Property({ type: ArrayType })
  categories: string[] & Opt = [];

  /** Whether the page offers "Other" (OTHER_CATEGORY) beside the categories. */
  @Property({ type: 'boolean' })
  offerOther: boolean & Opt = true;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

@Entity({ tableName: 'report_handler' })
export class ReportHandler {
  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;
}

/** Only ever read by case handlers; everything the reporter wrote is in the sealed payload. */
@Entity({ tableName: 'integrity_report' })
export class IntegrityReport {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  category!: string;

  @Enum({ items: () => ReportStatus, nativeEnumName: 'report_status' })
  status!: ReportStatus;

  @Property({ type: 'text', hidden: true })
  receiptLookup!: string;

  @Property({ type: 'text', hidden: true })
  receiptHash!: string;

  @Property({ type: BlobType })
  payload!: Buffer;

  @Property({ type: 'uuid', nullable: true })
  assigneeUserId?: string | null;

  @Property({ type: 'date' })
  submittedOn!: string;

  @Property({ type: 'date', nullable: true })
  acknowledgedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  lastHandlerMessageOn?: string | null;

  @Property({ type: 'date' })
  updatedOn!: string;
}

@Entity({ tableName: 'report_message' })
export class ReportMessage {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  reportId!: string;

  @Property({ type: 'boolean' })
  fromReporter!: boolean;

  @Property({ type: 'boolean' })
  internal: boolean & Opt = false;

  @Property({ type: 'uuid', nullable: true })
  handlerUserId?: string | null;

  @Property({ type: BlobType })
  body!: Buffer;

  @Property({ type: 'date' })
  sentOn!: string;

  @Property({ type: 'bigint', autoincrement: true, nullable: true, persist: false })
  position?: string;
}

/** A file a reporter attached: cleaned of metadata, then sealed (name and content). */
@Entity({ tableName: 'report_attachment' })
export class ReportAttachment {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'uuid', nullable: true })
  organisationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  reportId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  messageId?: string | null;

  @Property({ type: 'text', nullable: true, hidden: true })
  uploadKey?: string | null;

  @Property({ type: 'text' })
  mediaType!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: BlobType })
  fileName!: Buffer;

  @Property({ type: BlobType, lazy: true })
  content!: Buffer;

  @Property({ type: 'date' })
  uploadedOn!: string;

  @Property({ type: 'bigint', autoincrement: true, nullable: true, persist: false })
  position?: string;
}
