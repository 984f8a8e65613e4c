/**
 * The notifications feature's public face: the only file other features import from
 * notifications (they announce; the bell and its reads stay inside).
 */
export { notifyMentioned, notifyReportHandlersChanged } from './notifications.service.js';
