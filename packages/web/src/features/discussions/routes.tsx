import type { RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const discussionRoutes: RouteObject[] = [
  { path: 't/:id', lazy: () => import('./ThreadPage').then((m) => ({ Component: m.ThreadPage })) },
  {
    path: 'o/:slug/moderation',
    lazy: () => import('./ModerationQueuePage').then((m) => ({ Component: m.ModerationQueuePage })),
  },
  { path: 'search', lazy: () => import('./SearchPage').then((m) => ({ Component: m.SearchPage })) },
  {
    path: 'notifications',
    lazy: () => import('./NotificationsPage').then((m) => ({ Component: m.NotificationsPage })),
  },
];
