import type { RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const networkRoutes: RouteObject[] = [
  {
    path: 'n/:slug',
    lazy: () => import('./NetworkPage').then((m) => ({ Component: m.NetworkPage })),
  },
];
