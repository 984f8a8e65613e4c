import type { RouteObject } from 'react-router';
import { LibraryPage } from './LibraryPage';
import { ResourcePage } from './ResourcePage';

/** Open to everyone: signed out, the library shows what is in PUBLIC spaces. */
export const libraryRoutes: RouteObject[] = [
  { path: 'library', element: <LibraryPage /> },
  { path: 'resources/:id', element: <ResourcePage /> },
];
