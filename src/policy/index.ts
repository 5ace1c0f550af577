export type * from './types.js';
export type { AuditEntry, AuditLog } from './audit.js';
export { createScanPolicy } from './scan-policy.js';
