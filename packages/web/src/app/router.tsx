import { createBrowserRouter, Outlet, type RouteObject } from 'react-router';
import { accountRoutes } from '../features/accounts/routes';
import { discussionRoutes } from '../features/discussions/routes';
import { audienceRoutes, eventRoutes, presenterRoutes } from '../features/events/routes';
import { homeRoutes } from '../features/home/routes';
import { networkRoutes } from '../features/networks/routes';
import { invitationRoutes, organisationRoutes } from '../features/organisations/routes';
import { libraryRoutes } from '../features/library/routes';
import { publicRiskRoutes, riskRoutes } from '../features/risks/routes';
import { reporterHandoffRoutes, reportRoutes } from '../features/reports/routes';
import { settingsRoutes } from '../features/settings/routes';
import { spaceRoutes } from '../features/spaces/routes';
import { NotFoundPage } from './NotFoundPage';
import { Layout } from './shell/Layout';
import { RequireSignedIn } from './viewer';
import { PageLoading } from './PageLoading';

/**
 * Each feature brings its own routes (features/<feature>/routes.tsx); a new feature such as
 * organisations or spaces adds one line here.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    // The first load of a lazily loaded page has nothing to show until its code arrives; without
    // this, react-router warns on every page load ("No `HydrateFallback` element provided").
    hydrateFallbackElement: <PageLoading />,
    children: [
      ...accountRoutes,
      ...invitationRoutes,
      ...audienceRoutes,
      ...libraryRoutes,
      ...publicRiskRoutes,
      ...reporterHandoffRoutes,
      {
        element: (
          <RequireSignedIn>
            <Outlet />
          </RequireSignedIn>
        ),
        children: [
          ...homeRoutes,
          ...organisationRoutes,
          ...networkRoutes,
          ...spaceRoutes,
          ...discussionRoutes,
          ...eventRoutes,
          ...riskRoutes,
          ...reportRoutes,
          ...settingsRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    element: (
      <RequireSignedIn>
        <Outlet />
      </RequireSignedIn>
    ),
    hydrateFallbackElement: <PageLoading />,
    children: presenterRoutes,
  },
];

export const createRouter = () => createBrowserRouter(routes);
