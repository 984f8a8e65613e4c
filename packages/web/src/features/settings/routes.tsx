import { Navigate, type RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const settingsRoutes: RouteObject[] = [
  {
    path: 'settings',
    lazy: () => import('./SettingsPage').then((m) => ({ Component: m.SettingsPage })),
    children: [
      { index: true, element: <Navigate to="profile" replace /> },
      {
        path: 'profile',
        lazy: () => import('./ProfileSection').then((m) => ({ Component: m.ProfileSection })),
      },
      {
        path: 'password',
        lazy: () => import('./PasswordSection').then((m) => ({ Component: m.PasswordSection })),
      },
      {
        path: 'sessions',
        lazy: () => import('./SessionsSection').then((m) => ({ Component: m.SessionsSection })),
      },
      {
        path: 'api-tokens',
        lazy: () => import('./ApiTokensSection').then((m) => ({ Component: m.ApiTokensSection })),
      },
    ],
  },
];
