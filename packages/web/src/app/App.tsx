import { ApolloProvider } from '@apollo/client/react';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { AlanyApollo } from './apollo';
import { I18nProvider } from './i18n/I18nProvider';
import { createRouter } from './router';
import { SessionServicesProvider } from './session';

/** The whole client. The Apollo setup is made once by the caller (main.tsx, or a test). */
export function App({ apollo }: { apollo: Pick<AlanyApollo, 'client' | 'restartLive'> }) {
  const [router] = useState(createRouter);
  return (
    <ApolloProvider client={apollo.client}>
      <SessionServicesProvider restartLive={apollo.restartLive}>
        <I18nProvider>
          <RouterProvider router={router} />
        </I18nProvider>
      </SessionServicesProvider>
    </ApolloProvider>
  );
}
