/** Kept for imports from before the shared QueryBoundary (ui/QueryBoundary.tsx). */
export { QueryProblem } from '../ui/QueryBoundary';
