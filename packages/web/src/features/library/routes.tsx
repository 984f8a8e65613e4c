import type { RouteObject } from 'react-router';

/** Open to everyone: signed out, the library shows what is in PUBLIC spaces. */
export const libraryRoutes: RouteObject[] = [
  {
    path: 'library',
    lazy: () => import('./LibraryPage').then((m) => ({ Component: m.LibraryPage })),
  },
  {
    path: 'resources/:id',
    lazy: () => import('./ResourcePage').then((m) => ({ Component: m.ResourcePage })),
  },
];
