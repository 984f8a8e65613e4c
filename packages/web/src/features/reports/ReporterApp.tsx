import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { useId, useState } from 'react';
import { PageLoading } from '../../app/PageLoading';
import { createBrowserRouter, Outlet, RouterProvider, type RouteObject } from 'react-router';
import { I18nProvider, useI18n } from '../../app/i18n/I18nProvider';
import { isLocale, LOCALES } from '../../app/i18n/messages';
import { NotFoundPage } from '../../app/NotFoundPage';
import { reporterRoutes } from './routes';

/**
 * The reporter pages' own small client, started by main.tsx instead of the whole app: no
 * viewer query, no WebSocket, and no cookie with any request it sends (credentials: 'omit'),
 * so nothing the server sees ties a report to an account, even in the reporter's usual
 * browser. Only the page itself and its files are fetched the usual way (with the cookie,
 * which the server does not use for them).
 */
export function createReporterApollo(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({
      uri: '/graphql',
      credentials: 'omit',
      fetchOptions: { referrerPolicy: 'no-referrer' },
    }),
    cache: new InMemoryCache(),
  });
}

function LanguageChoice() {
  const id = useId();
  const { t, locale, setLocale } = useI18n();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('shell.language')}
      </label>
      <select
        id={id}
        className="language-switcher__select"
        value={locale}
        onChange={(event) => {
          // Remembered on this device only: the reporter pages never write to an account.
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ReporterShell() {
  const { t } = useI18n();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="header">
        <div className="header__bar">
          {/* A full page load: the signed-in app is another client. */}
          <a href="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              A
            </span>
            <span className="brand__name">{t('app.name')}</span>
          </a>
          <div className="header__tools">
            <LanguageChoice />
          </div>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

export const reporterAppRoutes: RouteObject[] = [
  {
    element: <ReporterShell />,
    // While a page's code loads on the first visit (react-router warns without one).
    hydrateFallbackElement: <PageLoading />,
    children: [...reporterRoutes, { path: '*', element: <NotFoundPage /> }],
  },
];

export function ReporterApp({ client }: { client: ApolloClient }) {
  const [router] = useState(() => createBrowserRouter(reporterAppRoutes));
  return (
    <ApolloProvider client={client}>
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>
    </ApolloProvider>
  );
}
