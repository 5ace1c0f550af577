import type { Config } from '../config.js';
import type { ScanPolicy } from './types.js';

export interface ScanPolicyOptions {
  /** The console and CLI with no allowlist configured may scan loopback only; chat platforms may not scan. */
  readonly loopbackWhenUnconfigured: boolean;
}

/** Compiles the allow/deny rules once and returns the policy. STUB: replaced by the policy work. */
export function createScanPolicy(_config: Config, _options: ScanPolicyOptions): ScanPolicy {
  throw new Error('createScanPolicy: not implemented yet');
}
