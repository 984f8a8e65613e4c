import type { RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const organisationRoutes: RouteObject[] = [
  {
    path: 'organisations/new',
    lazy: () =>
      import('./CreateOrganisationPage').then((m) => ({ Component: m.CreateOrganisationPage })),
  },
  {
    path: 'o/:slug',
    lazy: () => import('./OrganisationPage').then((m) => ({ Component: m.OrganisationPage })),
  },
  {
    path: 'o/:slug/audit',
    lazy: () => import('./AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
  },
];

/** Open to everyone: signed-out people are asked to sign in or create an account first. */
export const invitationRoutes: RouteObject[] = [
  {
    path: 'invitations/accept',
    lazy: () =>
      import('./AcceptInvitationPage').then((m) => ({ Component: m.AcceptInvitationPage })),
  },
];
