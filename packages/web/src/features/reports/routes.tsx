import { useEffect } from 'react';
import type { RouteObject } from 'react-router';

/**
 * Open to everyone, no account needed. The server sends these pages with no-store,
 * no-referrer and a strict Content-Security-Policy, and logs no request line for them.
 * They run in their own client (ReporterApp.tsx, started by main.tsx), never inside the
 * signed-in app.
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

/**
 * A link inside the signed-in app to a reporter page loads it afresh: main.tsx then starts the
 * reporter's own client, and the app's session and WebSocket are gone with the old page.
 */
function LeaveForReporterPage() {
  useEffect(() => {
    window.location.reload();
  }, []);
  return null;
}

/** In the signed-in app's router: the reporter pages' paths, handed over to ReporterApp. */
export const reporterHandoffRoutes: RouteObject[] = [
  { path: 'report/*', element: <LeaveForReporterPage /> },
];
