import type { RouteObject } from 'react-router';
import { ModerationQueuePage } from './ModerationQueuePage';
import { NotificationsPage } from './NotificationsPage';
import { SearchPage } from './SearchPage';
import { ThreadPage } from './ThreadPage';

/** Rendered inside the signed-in part of the router. */
export const discussionRoutes: RouteObject[] = [
  { path: 't/:id', element: <ThreadPage /> },
  { path: 'o/:slug/moderation', element: <ModerationQueuePage /> },
  { path: 'search', element: <SearchPage /> },
  { path: 'notifications', element: <NotificationsPage /> },
];
