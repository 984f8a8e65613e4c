import { Session, User } from './accounts/accounts.entity.js';
import { AuditEvent } from './audit/audit.entity.js';
import {
  Post,
  PostFlag,
  PostRevision,
  Reaction,
  Thread,
  ThreadRead,
} from './discussions/discussions.entity.js';
import { Notification } from './notifications/notifications.entity.js';
import {
  Event,
  EventParticipant,
  EventRegistration,
  Poll,
  PollBallot,
  PollOption,
  Question,
} from './events/events.entity.js';
import { Mitigation, Risk, RiskAssessment, RiskScoreChange } from './risks/risks.entity.js';
import {
  IntegrityReport,
  ReportHandler,
  ReportingConfig,
  ReportMessage,
  ReportAttachment,
} from './reports/reports.entity.js';
import { ApiToken } from './integrations/integrations.entity.js';
import { Network, NetworkInvitation, NetworkMembership } from './networks/networks.entity.js';
import { Invitation, Membership, Organisation } from './organisations/organisations.entity.js';
import { Space, SpaceParticipant } from './spaces/spaces.entity.js';
import { FileUpload, Resource, ResourceVersion } from './resources/resources.entity.js';

/** Every MikroORM entity, listed explicitly: no file-system discovery at start. */
export const entities = [
  User,
  Session,
  Organisation,
  Membership,
  Invitation,
  Network,
  NetworkMembership,
  NetworkInvitation,
  Space,
  SpaceParticipant,
  ApiToken,
  AuditEvent,
  Thread,
  Post,
  PostRevision,
  Reaction,
  PostFlag,
  ThreadRead,
  Notification,
  Event,
  EventRegistration,
  EventParticipant,
  Question,
  Poll,
  PollOption,
  PollBallot,
  RiskAssessment,
  Risk,
  RiskScoreChange,
  Mitigation,
  ReportingConfig,
  ReportHandler,
  IntegrityReport,
  ReportMessage,
  Resource,
  ResourceVersion,
  FileUpload,
  ReportAttachment,
] as const;
