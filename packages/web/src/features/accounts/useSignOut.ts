import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { expectSignOut } from '../../app/credential-ended';
import { noteSignedOut, useSessionChange } from '../../app/session';
import { graphql } from '../../gql';

const SIGN_OUT = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

/**
 * Signs out and forgets everything cached for this person. When the server cannot be reached
 * the session still exists, so nothing is forgotten and the error is returned to be shown.
 */
export function useSignOut() {
  const [signOut, { loading }] = useMutation(SIGN_OUT);
  const sessionChanged = useSessionChange();
  const navigate = useNavigate();
  const run = async (): Promise<unknown> => {
    // The server closes this tab's socket too: not news to announce (apollo.ts).
    expectSignOut();
    try {
      await signOut();
    } catch (error) {
      return error;
    }
    noteSignedOut();
    await sessionChanged();
    void navigate('/sign-in', { replace: true, state: { signedOut: true } });
    return null;
  };
  return { signOut: run, signingOut: loading };
}
