import type { RouteObject } from 'react-router';
import { AcceptInvitationPage } from './AcceptInvitationPage';
import { AuditLogPage } from './AuditLogPage';
import { CreateOrganisationPage } from './CreateOrganisationPage';
import { OrganisationPage } from './OrganisationPage';

/** Rendered inside the signed-in part of the router. */
export const organisationRoutes: RouteObject[] = [
  { path: 'organisations/new', element: <CreateOrganisationPage /> },
  { path: 'o/:slug', element: <OrganisationPage /> },
  { path: 'o/:slug/audit', element: <AuditLogPage /> },
];

/** Open to everyone: signed-out people are asked to sign in or create an account first. */
export const invitationRoutes: RouteObject[] = [
  { path: 'invitations/accept', element: <AcceptInvitationPage /> },
];
