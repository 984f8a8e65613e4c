import type { RouteObject } from 'react-router';
import { AudiencePage, JoinByCodePage } from './AudiencePage';
import { EventPage } from './EventPage';
import { EventsPage } from './EventsPage';
import { ModeratePage } from './ModeratePage';
import { PresenterPage } from './PresenterPage';

/** Rendered inside the signed-in part of the router. */
export const eventRoutes: RouteObject[] = [
  { path: 'events', element: <EventsPage /> },
  { path: 'events/:id', element: <EventPage /> },
  { path: 'events/:id/moderate', element: <ModeratePage /> },
];

/** Open to everyone: the audience joins with the code, signed in or as a guest. */
export const audienceRoutes: RouteObject[] = [
  { path: 'e', element: <JoinByCodePage /> },
  { path: 'e/:code', element: <AudiencePage /> },
];

/** Signed in, without the header and footer: a projector shows nothing to click. */
export const presenterRoutes: RouteObject[] = [
  { path: 'events/:id/present', element: <PresenterPage /> },
];
