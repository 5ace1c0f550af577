// The real scan service for tests that drive the bot: the real policy (or one given), the
// in-process executor with the real scanner (or one given) and, when a test asks, history.
import type { Config } from '../../src/config.js';
import type { CommandLog } from '../../src/log.js';
import type { AuditLog } from '../../src/policy/audit.js';
import { createScanPolicy } from '../../src/policy/index.js';
import type { ScanPolicy } from '../../src/policy/types.js';
import { createInProcessExecutor, createScanService, type HistoryStore, type Scanner, type ScanService } from '../../src/scan/index.js';
import { scan as realScan } from '../../src/scanner/scan.js';

export interface TestServiceOptions {
  readonly audit?: AuditLog;
  readonly policy?: ScanPolicy;
  readonly scan?: Scanner;
  readonly history?: HistoryStore;
  readonly logger?: CommandLog;
  readonly answerWaitMs?: number;
}

export function testService(config: Config, options: TestServiceOptions = {}): ScanService {
  const logger = options.logger;
  return createScanService({
    policy: options.policy ?? createScanPolicy(config, { loopbackWhenUnconfigured: false }),
    audit: options.audit ?? { record: () => undefined },
    executor: createInProcessExecutor({ maxSockets: config.PORTBOT_MAX_SOCKETS, scan: options.scan ?? realScan, ...(logger === undefined ? {} : { logger }) }),
    ...(options.history === undefined ? {} : { history: options.history }),
    ...(logger === undefined ? {} : { logger }),
    ...(options.answerWaitMs === undefined ? {} : { answerWaitMs: options.answerWaitMs }),
  });
}
