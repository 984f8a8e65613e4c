/**
 * The audit feature's public face: the only file other features import from audit. Every change
 * to an organisation's data records itself here in the same write.
 */
export { type AuditEntry, recordAudit } from './audit.service.js';
