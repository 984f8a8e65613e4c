import type { RouteObject } from 'react-router';
import { NetworkPage } from './NetworkPage';

/** Rendered inside the signed-in part of the router. */
export const networkRoutes: RouteObject[] = [{ path: 'n/:slug', element: <NetworkPage /> }];
