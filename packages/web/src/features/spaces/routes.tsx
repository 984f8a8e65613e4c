import type { RouteObject } from 'react-router';
import { CreateSpacePage } from './CreateSpacePage';
import { SpacePage } from './SpacePage';

/** Rendered inside the signed-in part of the router. */
export const spaceRoutes: RouteObject[] = [
  { path: 'o/:slug/spaces/new', element: <CreateSpacePage /> },
  { path: 's/:id', element: <SpacePage /> },
];
