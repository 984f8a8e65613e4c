import { useApolloClient } from '@apollo/client/react';
import { createContext, useCallback, useContext, type ReactNode } from 'react';

interface SessionServices {
  restartLive(): void;
}

const SessionContext = createContext<SessionServices>({ restartLive: () => {} });

export function SessionServicesProvider({
  children,
  restartLive,
}: {
  children: ReactNode;
  restartLive(): void;
}) {
  return <SessionContext.Provider value={{ restartLive }}>{children}</SessionContext.Provider>;
}

/**
 * What must happen when the person behind the browser changes: nothing cached for the last
 * person may show, and the live connection must reopen with the new cookie.
 */
export function useSessionChange() {
  const client = useApolloClient();
  const { restartLive } = useContext(SessionContext);
  return useCallback(async () => {
    restartLive();
    // Empties the cache and asks the server again for what is on screen: the viewer above all.
    try {
      await client.resetStore();
    } catch {
      // A query that was unmounted (the header's organisations, once signed out) or failed
      // while being fetched again shows its own error where it is rendered; the cache is
      // empty either way, which is what matters here.
    }
  }, [client, restartLive]);
}

/** Reopens the live connection, e.g. once a guest's event token is in place. */
export function useRestartLive(): () => void {
  return useContext(SessionContext).restartLive;
}

let signedOutJustNow = false;

/**
 * Signing out moves to the sign-in page twice over: the page being left sends its guest there
 * as soon as the viewer is gone, and the sign-out itself navigates. Whichever arrives last, the
 * sign-in page learns from this that the person signed out, and says so once.
 */
export function noteSignedOut(): void {
  signedOutJustNow = true;
}

export function takeSignedOutNote(): boolean {
  const noted = signedOutJustNow;
  signedOutJustNow = false;
  return noted;
}
