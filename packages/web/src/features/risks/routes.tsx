import type { RouteObject } from 'react-router';

/** Rendered inside the signed-in part of the router. */
export const riskRoutes: RouteObject[] = [
  {
    path: 'risks',
    lazy: () => import('./RiskAssessmentsPage').then((m) => ({ Component: m.RiskAssessmentsPage })),
  },
  {
    path: 'risks/summary',
    lazy: () => import('./RiskSummaryPage').then((m) => ({ Component: m.RiskSummaryPage })),
  },
  {
    path: 'risks/:id',
    lazy: () => import('./RiskAssessmentPage').then((m) => ({ Component: m.RiskAssessmentPage })),
  },
];

/** Open to everyone: a published assessment's summary. */
export const publicRiskRoutes: RouteObject[] = [
  {
    path: 'public/risks/:id',
    lazy: () => import('./PublicRiskPage').then((m) => ({ Component: m.PublicRiskPage })),
  },
];
