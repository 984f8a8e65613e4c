import type { RouteObject } from 'react-router';

/**
 * Open to everyone, no account needed. The server sends these pages with no-store,
 * no-referrer and a strict Content-Security-Policy, and logs no request line for them.
 */
export const reporterRoutes: RouteObject[] = [
  {
    path: 'report/follow-up',
    lazy: () => import('./FollowUpPage').then((m) => ({ Component: m.FollowUpPage })),
  },
  {
    path: 'report/:slug',
    lazy: () => import('./ReportPage').then((m) => ({ Component: m.ReportPage })),
  },
];

/** Rendered inside the signed-in part of the router: case handlers and admins. */
export const reportRoutes: RouteObject[] = [
  {
    path: 'o/:slug/reports',
    lazy: () => import('./InboxPage').then((m) => ({ Component: m.InboxPage })),
  },
  {
    path: 'o/:slug/reports/:id',
    lazy: () => import('./CasePage').then((m) => ({ Component: m.CasePage })),
  },
  {
    path: 'o/:slug/reporting',
    lazy: () =>
      import('./ReportingSettingsPage').then((m) => ({ Component: m.ReportingSettingsPage })),
  },
];
