import { Navigate, type RouteObject } from 'react-router';
import { ApiTokensSection } from './ApiTokensSection';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';
import { SettingsPage } from './SettingsPage';

/** Rendered inside the signed-in part of the router. */
export const settingsRoutes: RouteObject[] = [
  {
    path: 'settings',
    element: <SettingsPage />,
    children: [
      { index: true, element: <Navigate to="profile" replace /> },
      { path: 'profile', element: <ProfileSection /> },
      { path: 'password', element: <PasswordSection /> },
      { path: 'sessions', element: <SessionsSection /> },
      { path: 'api-tokens', element: <ApiTokensSection /> },
    ],
  },
];
