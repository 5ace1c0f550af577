export type * from './types.js';
export type { AuditEntry, AuditLog } from './audit.js';
export type { Resolver, ResolvedAddress } from './resolver.js';
export type { Clock } from './clock.js';
export type { ScanPolicyOptions } from './scan-policy.js';
export { createScanPolicy, validateTargetRules } from './scan-policy.js';
export { systemResolver } from './resolver.js';
export { createSecretScrubber, scrubSecretPatterns } from './secrets.js';
