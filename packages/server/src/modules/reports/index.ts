/**
 * The reports feature's public face: what the composition root mounts (the anonymous HTTP
 * routes and their gate) and what other features may know of reports.
 */
export { isReportingRequest, reportFileRoutes, reportingFailure } from './reports.http.js';
export { clientPseudonym } from './reports.gate.js';
export { reportTopic } from './reports.live.js';
export { requireHandler } from './reports.policy.js';
