// The composition root's one recipe for the scan service: the policy, the in-process executor
// with the process's socket budget, and (where scans are recorded) the history store opening in
// the background. `portbot scan` without --save builds it without a store, so it never loads one.
import type { Config } from '../config.js';
import type { CommandLog } from '../log.js';
import type { AuditLog } from '../policy/audit.js';
import { createScanPolicy } from '../policy/index.js';
import type { ScanPolicy } from '../policy/types.js';
import { createInProcessExecutor, createScanService, openHistoryStore, type HistoryStore, type ScanService, type ScanServiceDependencies } from '../scan/index.js';
import { scan } from '../scanner/scan.js';
import { storeLocation } from '../store/location.js';

export interface ServiceParts {
  readonly config: Config;
  readonly audit: AuditLog;
  readonly logger: CommandLog;
  /** The console and the CLI with no allowlist scan loopback; chat platforms scan nothing. */
  readonly loopbackWhenUnconfigured: boolean;
  readonly history?: HistoryStore;
  readonly onLateRecordingFailure?: ScanServiceDependencies['onLateRecordingFailure'];
  /** Tests replace the policy (a fake resolver) or the scanner. */
  readonly policy?: ScanPolicy;
}

export function buildScanService(parts: ServiceParts): ScanService {
  const policy = parts.policy ?? createScanPolicy(parts.config, { loopbackWhenUnconfigured: parts.loopbackWhenUnconfigured });
  const executor = createInProcessExecutor({ maxSockets: parts.config.PORTBOT_MAX_SOCKETS, scan, logger: parts.logger });
  return createScanService({
    policy,
    audit: parts.audit,
    executor,
    logger: parts.logger,
    ...(parts.history === undefined ? {} : { history: parts.history }),
    ...(parts.onLateRecordingFailure === undefined ? {} : { onLateRecordingFailure: parts.onLateRecordingFailure }),
  });
}

/** Starts opening the configured store now; its problems are logged, never thrown. */
export function openConfiguredHistory(config: Config, onBackgroundError?: (error: unknown) => void): HistoryStore {
  return openHistoryStore(storeLocation(config), onBackgroundError === undefined ? {} : { onBackgroundError });
}
