import type { RouteObject } from 'react-router';
import { GuestOnly } from '../../app/viewer';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';
import { VerifyEmailPage } from './VerifyEmailPage';

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
  // The link in the confirmation e-mail: open to everyone, signed in or not.
  { path: 'verify-email', element: <VerifyEmailPage /> },
  {
    path: 'sign-up',
    element: (
      <GuestOnly>
        <SignUpPage />
      </GuestOnly>
    ),
  },
];
