import type { RouteObject } from 'react-router';
import { GuestOnly } from '../../app/viewer';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';

/** Pages for people who are not signed in. Signing out lives in the header's account menu. */
export const accountRoutes: RouteObject[] = [
  {
    path: 'sign-in',
    element: (
      <GuestOnly>
        <SignInPage />
      </GuestOnly>
    ),
  },
  {
    path: 'sign-up',
    element: (
      <GuestOnly>
        <SignUpPage />
      </GuestOnly>
    ),
  },
];
