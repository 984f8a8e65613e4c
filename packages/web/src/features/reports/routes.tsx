import type { RouteObject } from 'react-router';
import { CasePage } from './CasePage';
import { FollowUpPage } from './FollowUpPage';
import { InboxPage } from './InboxPage';
import { ReportingSettingsPage } from './ReportingSettingsPage';
import { ReportPage } from './ReportPage';

/**
 * Open to everyone, no account needed. The server sends these pages with no-store,
 * no-referrer and a strict Content-Security-Policy, and logs no request line for them.
 */
export const reporterRoutes: RouteObject[] = [
  { path: 'report/follow-up', element: <FollowUpPage /> },
  { path: 'report/:slug', element: <ReportPage /> },
];

/** Rendered inside the signed-in part of the router: case handlers and admins. */
export const reportRoutes: RouteObject[] = [
  { path: 'o/:slug/reports', element: <InboxPage /> },
  { path: 'o/:slug/reports/:id', element: <CasePage /> },
  { path: 'o/:slug/reporting', element: <ReportingSettingsPage /> },
];
