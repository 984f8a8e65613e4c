import { useQuery } from '@apollo/client/react';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { graphql } from '../gql';
import type { ViewerQuery } from '../gql/graphql';
import { Alert, Button, Loading } from '../ui';
import { describeError } from './errors';
import { useI18n } from './i18n/I18nProvider';

export const VIEWER_QUERY = graphql(`
  query Viewer {
    viewer {
      id
      displayName
      email
      emailVerified
      locale
      createdAt
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery['viewer']>;

export function useViewer() {
  const result = useQuery(VIEWER_QUERY);
  return { ...result, viewer: result.data?.viewer ?? null };
}

/** While signed in, the interface speaks the account's language. */
export function FollowAccountLanguage() {
  const { viewer } = useViewer();
  const { locale, setLocale } = useI18n();
  const accountLocale = viewer?.locale;
  useEffect(() => {
    // Only a change of the account's language moves the interface, not a guest's choice.
    if (accountLocale && accountLocale !== locale) setLocale(accountLocale);
  }, [accountLocale]);
  return null;
}

function ViewerGate({ children, want }: { children: ReactNode; want: 'user' | 'guest' }) {
  const { viewer, loading, error, refetch } = useViewer();
  const i18n = useI18n();
  const location = useLocation();
  if (loading) return <Loading label={i18n.t('common.loading')} />;
  if (error) {
    return (
      <Alert
        tone="error"
        action={
          <Button variant="secondary" onClick={() => void refetch()}>
            {i18n.t('common.retry')}
          </Button>
        }
      >
        {describeError(error, i18n).summary}
      </Alert>
    );
  }
  if (want === 'user' && !viewer) {
    const next = location.pathname + location.search;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (want === 'guest' && viewer) {
    const next = new URLSearchParams(location.search).get('next');
    return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/'} replace />;
  }
  return <>{children}</>;
}

/** Pages for signed-in people: guests are sent to sign in and brought back afterwards. */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  return <ViewerGate want="user">{children}</ViewerGate>;
}

/** Sign-in and sign-up: someone already signed in goes on to where they were heading. */
export function GuestOnly({ children }: { children: ReactNode }) {
  return <ViewerGate want="guest">{children}</ViewerGate>;
}
