import type { RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const spaceRoutes: RouteObject[] = [
  {
    path: 'o/:slug/spaces/new',
    lazy: () => import('./CreateSpacePage').then((m) => ({ Component: m.CreateSpacePage })),
  },
  { path: 's/:id', lazy: () => import('./SpacePage').then((m) => ({ Component: m.SpacePage })) },
];
