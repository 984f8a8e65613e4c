import type { RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const eventRoutes: RouteObject[] = [
  { path: 'events', lazy: () => import('./EventsPage').then((m) => ({ Component: m.EventsPage })) },
  {
    path: 'events/:id',
    lazy: () => import('./EventPage').then((m) => ({ Component: m.EventPage })),
  },
  {
    path: 'events/:id/moderate',
    lazy: () => import('./ModeratePage').then((m) => ({ Component: m.ModeratePage })),
  },
];

/** Open to everyone: the audience joins with the code, signed in or as a guest. */
export const audienceRoutes: RouteObject[] = [
  {
    path: 'e',
    lazy: () => import('./AudiencePage').then((m) => ({ Component: m.JoinByCodePage })),
  },
  {
    path: 'e/:code',
    lazy: () => import('./AudiencePage').then((m) => ({ Component: m.AudiencePage })),
  },
];

/** Signed in, without the header and footer: a projector shows nothing to click. */
export const presenterRoutes: RouteObject[] = [
  {
    path: 'events/:id/present',
    lazy: () => import('./PresenterPage').then((m) => ({ Component: m.PresenterPage })),
  },
];
