/**
 * The organisations feature's public face: the only file other features import from
 * organisations. Its policy (`requireRole` and the named actions built on it) is every
 * feature's first wall: "is the viewer in that organisation, and with which role?".
 */
export {
  Invitation,
  Membership,
  MemberRole,
  Organisation,
  OrganisationKind,
  ROLE_RANK,
} from './organisations.entity.js';
export { SLUG_PATTERN } from './organisations.inputs.js';
export {
  acceptInvitation,
  createOrganisation,
  inviteMember,
  INVITATION_DAYS,
  updateOrganisation,
} from './organisations.service.js';
export {
  membersAmong,
  organisationById,
  organisationByIdIn,
  organisationBySlug,
  organisationBySlugIn,
  organisationColumns,
  organisationLoader,
  organisationsByIds,
  primeOrganisation,
} from './organisations.reads.js';
export {
  findForAdmin,
  findForRole,
  forgetViewerMemberships,
  hasRank,
  mayActAs,
  mayAdminister,
  mayAssign,
  primeViewerMemberships,
  requireAdmin,
  requireMember,
  requireOwner,
  requireRole,
  viewerOrganisationIds,
  viewerOrganisationIdsKnown,
  viewerRole,
} from './organisations.policy.js';
