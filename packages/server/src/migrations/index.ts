import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261126000001Accounts } from './Migration20261126000001Accounts.js';
import { Migration20261126000002Tenancy } from './Migration20261126000002Tenancy.js';
import { Migration20261127000003Discussions } from './Migration20261127000003Discussions.js';
import { Migration20261127000004Hardening } from './Migration20261127000004Hardening.js';
import { Migration20261127000005Events } from './Migration20261127000005Events.js';
import { Migration20261127000006RiskAssessments } from './Migration20261127000006RiskAssessments.js';
import { Migration20261127000007IntegrityReports } from './Migration20261127000007IntegrityReports.js';
import { Migration20261127000008EventGuards } from './Migration20261127000008EventGuards.js';
import { Migration20261127000009FasterPolicies } from './Migration20261127000009FasterPolicies.js';
import { Migration20261127000010Resources } from './Migration20261127000010Resources.js';
import { Migration20261127000011ReportAttachments } from './Migration20261127000011ReportAttachments.js';
import { Migration20261127000012LiveAudience } from './Migration20261127000012LiveAudience.js';
import { Migration20261127000013VoteFastPath } from './Migration20261127000013VoteFastPath.js';
import { Migration20261127000014ThreadPage } from './Migration20261127000014ThreadPage.js';
import { Migration20261127000015CachedPolicyPlans } from './Migration20261127000015CachedPolicyPlans.js';
import { Migration20261127000016StoredHtml } from './Migration20261127000016StoredHtml.js';
import { Migration20261127000017VoteCounter } from './Migration20261127000017VoteCounter.js';
import { Migration20261207000210SocketCredentials } from './Migration20261207000210SocketCredentials.js';
import { Migration20261207000200ReportHandlers } from './Migration20261207000200ReportHandlers.js';
import { Migration20261207000260SearchStems } from './Migration20261207000260SearchStems.js';
import { Migration20261207000190DatabaseWall } from './Migration20261207000190DatabaseWall.js';
import { Migration20261207000191EmailVerification } from './Migration20261207000191EmailVerification.js';
import { Migration20261207000270SearchPlans } from './Migration20261207000270SearchPlans.js';
import { Migration20261207000330QuestionAuthorName } from './Migration20261207000330QuestionAuthorName.js';
import { Migration20261207000331ThreadReactions } from './Migration20261207000331ThreadReactions.js';
import { Migration20261208000300ReportingOther } from './Migration20261208000300ReportingOther.js';

/** Applied in this order; a new migration is appended here and never edited once released. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261126000001Accounts', class: Migration20261126000001Accounts },
  { name: 'Migration20261126000002Tenancy', class: Migration20261126000002Tenancy },
  { name: 'Migration20261127000003Discussions', class: Migration20261127000003Discussions },
  { name: 'Migration20261127000004Hardening', class: Migration20261127000004Hardening },
  { name: 'Migration20261127000005Events', class: Migration20261127000005Events },
  { name: 'Migration20261127000006RiskAssessments', class: Migration20261127000006RiskAssessments },
  {
    name: 'Migration20261127000007IntegrityReports',
    class: Migration20261127000007IntegrityReports,
  },
  { name: 'Migration20261127000008EventGuards', class: Migration20261127000008EventGuards },
  { name: 'Migration20261127000009FasterPolicies', class: Migration20261127000009FasterPolicies },
  { name: 'Migration20261127000010Resources', class: Migration20261127000010Resources },
  {
    name: 'Migration20261127000011ReportAttachments',
    class: Migration20261127000011ReportAttachments,
  },
  { name: 'Migration20261127000012LiveAudience', class: Migration20261127000012LiveAudience },
  { name: 'Migration20261127000013VoteFastPath', class: Migration20261127000013VoteFastPath },
  { name: 'Migration20261127000014ThreadPage', class: Migration20261127000014ThreadPage },
  {
    name: 'Migration20261127000015CachedPolicyPlans',
    class: Migration20261127000015CachedPolicyPlans,
  },
  { name: 'Migration20261127000016StoredHtml', class: Migration20261127000016StoredHtml },
  { name: 'Migration20261127000017VoteCounter', class: Migration20261127000017VoteCounter },
  {
    name: 'Migration20261207000210SocketCredentials',
    class: Migration20261207000210SocketCredentials,
  },
  { name: 'Migration20261207000200ReportHandlers', class: Migration20261207000200ReportHandlers },
  { name: 'Migration20261207000260SearchStems', class: Migration20261207000260SearchStems },
  { name: 'Migration20261207000190DatabaseWall', class: Migration20261207000190DatabaseWall },
  {
    name: 'Migration20261207000191EmailVerification',
    class: Migration20261207000191EmailVerification,
  },
  { name: 'Migration20261207000270SearchPlans', class: Migration20261207000270SearchPlans },
  {
    name: 'Migration20261207000330QuestionAuthorName',
    class: Migration20261207000330QuestionAuthorName,
  },
  { name: 'Migration20261207000331ThreadReactions', class: Migration20261207000331ThreadReactions },
  {
    name: 'Migration20261208000300ReportingOther',
    class: Migration20261208000300ReportingOther,
  },
];
