import type { RouteObject } from 'react-router';
import { HomePage } from './HomePage';

/** Rendered inside the signed-in part of the router. */
export const homeRoutes: RouteObject[] = [{ index: true, element: <HomePage /> }];
