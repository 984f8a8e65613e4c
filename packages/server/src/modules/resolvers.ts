import type { NonEmptyArray } from 'type-graphql';
import {
  AccountsResolver,
  EmailVerificationResolver,
  SessionResolver,
} from './accounts/accounts.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import {
  PostFlagResolver,
  PostResolver,
  ThreadResolver,
} from './discussions/discussions.resolver.js';
import { NotificationResolver } from './notifications/notifications.resolver.js';
import { EventRegistrationResolver, EventResolver } from './events/events.resolver.js';
import { PollResolver } from './events/polls.resolver.js';
import { QuestionResolver } from './events/questions.resolver.js';
import {
  MitigationResolver,
  RiskAssessmentResolver,
  RiskResolver,
  RiskScoreChangeResolver,
} from './risks/risks.resolver.js';
import { ReportsResolver } from './reports/reports.resolver.js';
import { ApiTokenResolver } from './integrations/integrations.resolver.js';
import {
  NetworkInvitationResolver,
  NetworkResolver,
  OrganisationNetworksResolver,
} from './networks/networks.resolver.js';
import {
  InvitationResolver,
  MembershipResolver,
  OrganisationResolver,
  UserMembershipsResolver,
} from './organisations/organisations.resolver.js';
import { SpaceResolver } from './spaces/spaces.resolver.js';
import {
  NetworkLibraryResolver,
  ResourceResolver,
  ResourceVersionResolver,
  SearchHitResourceResolver,
} from './resources/resources.resolver.js';
import { SearchHitDiscussionResolver } from './discussions/discussions.search.js';
import { SearchResolver } from './search/index.js';
import { SystemResolver } from './system/system.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes as Function
export const resolvers: NonEmptyArray<Function> = [
  SystemResolver,
  AccountsResolver,
  EmailVerificationResolver,
  SessionResolver,
  OrganisationResolver,
  MembershipResolver,
  InvitationResolver,
  UserMembershipsResolver,
  NetworkResolver,
  NetworkInvitationResolver,
  OrganisationNetworksResolver,
  SpaceResolver,
  ApiTokenResolver,
  AuditResolver,
  ThreadResolver,
  PostResolver,
  PostFlagResolver,
  NotificationResolver,
  EventResolver,
  QuestionResolver,
  PollResolver,
  EventRegistrationResolver,
  RiskAssessmentResolver,
  RiskResolver,
  MitigationResolver,
  RiskScoreChangeResolver,
  ReportsResolver,
  ResourceResolver,
  ResourceVersionResolver,
  NetworkLibraryResolver,
  SearchHitResourceResolver,
  SearchResolver,
  SearchHitDiscussionResolver,
];
