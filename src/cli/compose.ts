// The composition root's one recipe for the scan service: the policy, the in-process executor
// with the process's socket budget, the zones' queue executors when PORTBOT_ZONES names any, and
// (where scans are recorded) the history store opening in the background. `portbot scan` without
// --save builds it without a store, so it never loads one; BullMQ and ioredis load only when a
// zone is scanned or a bot takes its first shared limit.
import type { Config } from '../config.js';
import { PortbotError } from '../errors.js';
import type { CommandLog } from '../log.js';
import type { AuditLog } from '../policy/audit.js';
import { createScanPolicy, type ScanLimiter } from '../policy/index.js';
import type { ScanPolicy } from '../policy/types.js';
import { createZoneRoutes } from '../remote/zone-routes.js';
import { createZoneRouter } from '../remote/zones.js';
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

/** The service and what it holds open (the zones' queue client, the shared limits' Redis). */
export interface ComposedService extends ScanService {
  /** After drain(): closes those connections, so the process can exit. */
  close(): Promise<void>;
}

export function buildScanService(parts: ServiceParts): ComposedService {
  const { config } = parts;
  const policy = parts.policy ?? configuredPolicy(config, parts.loopbackWhenUnconfigured, parts.logger, false);
  const executor = createInProcessExecutor({ maxSockets: config.PORTBOT_MAX_SOCKETS, scan, logger: parts.logger });
  const zones = createZoneRouter(config.PORTBOT_ZONES);
  const redisUrl = config.PORTBOT_REDIS_URL;
  const remote =
    zones.zones.length === 0 || redisUrl === undefined
      ? undefined
      : createZoneRoutes({
          zones,
          policy,
          logger: parts.logger,
          openClient: async () => (await import('../remote/queue-client.js')).createQueueClient({ redisUrl, onError: (error) => parts.logger.error({ err: error.message }, 'agents queue: Redis connection problem') }),
        });
  const service = createScanService({
    policy,
    audit: parts.audit,
    executor,
    logger: parts.logger,
    ...(remote === undefined ? {} : { route: remote.route }),
    ...(parts.history === undefined ? {} : { history: parts.history }),
    ...(parts.onLateRecordingFailure === undefined ? {} : { onLateRecordingFailure: parts.onLateRecordingFailure }),
  });
  return {
    ...service,
    async close() {
      await Promise.allSettled([remote?.close(), policy.close?.()]);
    },
  };
}

/**
 * The policy from the configuration. `sharedLimits`: with PORTBOT_REDIS_URL, the per-user slots and
 * rate live in Redis, one limit for every bot process (the bots and the console; the CLI keeps its own).
 */
export function configuredPolicy(config: Config, loopbackWhenUnconfigured: boolean, logger: CommandLog, sharedLimits: boolean): ScanPolicy {
  const url = config.PORTBOT_REDIS_URL;
  const limiter = sharedLimits && url !== undefined ? lazyRedisLimiter(url, config, logger) : undefined;
  return createScanPolicy(config, { loopbackWhenUnconfigured, ...(limiter === undefined ? {} : { limiter }) });
}

function lazyRedisLimiter(url: string, config: Config, logger: CommandLog): ScanLimiter {
  let loaded: Promise<ScanLimiter> | undefined;
  const settings = { perUser: config.PORTBOT_CONCURRENT_SCANS_PER_USER, perMinute: config.PORTBOT_SCANS_PER_MINUTE };
  const load = (): Promise<ScanLimiter> => (loaded ??= import('../remote/redis-limiter.js').then((module) => module.createRedisLimiter(url, settings, logger)));
  return {
    acquire: async (key, metered) => (await load()).acquire(key, metered),
    async close() {
      await (await loaded)?.close?.();
    },
  };
}

/** Zones without the Redis their agents listen on: a PortbotError ('invalid-config') naming both variables. */
export function checkZoneSettings(config: Config): void {
  if (config.PORTBOT_REDIS_URL !== undefined || createZoneRouter(config.PORTBOT_ZONES).zones.length === 0) return;
  throw new PortbotError('invalid-config', 'PORTBOT_ZONES names zones but PORTBOT_REDIS_URL is not set: give the Redis their agents use, e.g. PORTBOT_REDIS_URL=rediss://portbot:secret@redis.example.com:6380, or unset PORTBOT_ZONES');
}

/** Starts opening the configured store now; its problems are logged, never thrown. */
export function openConfiguredHistory(config: Config, onBackgroundError?: (error: unknown) => void): HistoryStore {
  return openHistoryStore(storeLocation(config), onBackgroundError === undefined ? {} : { onBackgroundError });
}
