import type { RouteObject } from 'react-router';
import { PublicRiskPage } from './PublicRiskPage';
import { RiskAssessmentPage } from './RiskAssessmentPage';
import { RiskAssessmentsPage } from './RiskAssessmentsPage';
import { RiskSummaryPage } from './RiskSummaryPage';

/** Rendered inside the signed-in part of the router. */
export const riskRoutes: RouteObject[] = [
  { path: 'risks', element: <RiskAssessmentsPage /> },
  { path: 'risks/summary', element: <RiskSummaryPage /> },
  { path: 'risks/:id', element: <RiskAssessmentPage /> },
];

/** Open to everyone: a published assessment's summary. */
export const publicRiskRoutes: RouteObject[] = [
  { path: 'public/risks/:id', element: <PublicRiskPage /> },
];
