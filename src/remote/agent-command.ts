// `portbot agent --zone <name>`: runs an agent in this network until SIGTERM or SIGINT. The first
// signal stops taking jobs and gives running scans a few seconds to finish, then stops them so
// each requester still gets what was found; a second signal stops them at once. Exit codes as
// the CLI's: 0 stopped cleanly, 2 bad arguments or configuration, 1 Redis unusable or a crash.
import { createSocketPool } from '../scan/socket-share.js';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { loadConfig, type Config } from '../config.js';
import { PortbotError } from '../errors.js';
import { createLogger } from '../log.js';
import { createAuditLog } from '../policy/audit-log.js';
import { createScanPolicy } from '../policy/index.js';
import { scan } from '../scanner/scan.js';
import { startAgent, type AgentTiming } from './agent.js';
import { ZONE_NAME, ZONE_NAME_HINT } from './queue-keys.js';

export const AGENT_USAGE = `Usage: portbot agent --zone <name>
  Takes scan jobs for zone <name> from Redis (PORTBOT_REDIS_URL) and scans them from this network,
  checking every job against this machine's PORTBOT_ALLOWLIST and PORTBOT_DENYLIST first.
  PORTBOT_AGENT_CONCURRENCY jobs at a time (default 2). SIGTERM/SIGINT: finish or stop, then exit.`;

/** Running scans get this long to finish after the first SIGTERM/SIGINT (below docker stop's 10 s). */
export const SHUTDOWN_GRACE_MS = 5000;

export interface AgentCommandOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: Writable;
  readonly stderr: Writable;
  /** Test hook: shorter lock and heartbeat timings. */
  readonly timing?: Partial<AgentTiming>;
}

const EXIT = { done: 0, failed: 1, invalid: 2 } as const;

export async function runAgentCommand(argv: readonly string[], options: AgentCommandOptions): Promise<number> {
  const fail = (code: number, message: string): number => {
    options.stderr.write(`portbot agent: ${message}\n`);
    return code;
  };
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { zone: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    // Node's own messages run long; keep the option it did not know.
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    return fail(EXIT.invalid, `${option === undefined ? 'cannot read those arguments' : `unknown option "${option}"`}; run \`portbot agent --zone <name>\`, e.g. \`portbot agent --zone dmz\``);
  }
  if (values.help === true) {
    options.stdout.write(`${AGENT_USAGE}\n`);
    return EXIT.done;
  }
  const zone = values.zone ?? '';
  if (!ZONE_NAME.test(zone)) return fail(EXIT.invalid, zone === '' ? 'say which zone this agent serves, e.g. `portbot agent --zone dmz`' : `"${zone.slice(0, 40)}" is not a zone name: use ${ZONE_NAME_HINT}`);

  let config: Config;
  let policy;
  try {
    config = loadConfig(options.env);
    // The agent's one "user" is the queue: as many slots as jobs it runs at once.
    policy = createScanPolicy({ ...config, PORTBOT_CONCURRENT_SCANS_PER_USER: config.PORTBOT_AGENT_CONCURRENCY }, { loopbackWhenUnconfigured: false });
  } catch (error) {
    if (!(error instanceof PortbotError)) throw error;
    return fail(EXIT.invalid, error.message);
  }
  if (config.PORTBOT_REDIS_URL === undefined) return fail(EXIT.invalid, 'PORTBOT_REDIS_URL is not set: give the Redis the bots use, e.g. rediss://portbot-agent:secret@redis.example.com:6380');
  if (config.PORTBOT_ALLOWLIST.length === 0) return fail(EXIT.invalid, 'PORTBOT_ALLOWLIST is empty, so this agent would refuse every job: list the networks it may scan, e.g. PORTBOT_ALLOWLIST=10.1.0.0/16');

  const logger = await createLogger({ level: config.PORTBOT_LOG_LEVEL });
  let agent;
  try {
    agent = await startAgent({
      zone,
      redisUrl: config.PORTBOT_REDIS_URL,
      concurrency: config.PORTBOT_AGENT_CONCURRENCY,
      job: { policy, audit: createAuditLog(config), scan, sockets: createSocketPool(config.PORTBOT_MAX_SOCKETS) },
      log: logger,
      ...(options.timing === undefined ? {} : { timing: options.timing }),
    });
  } catch (error) {
    if (!(error instanceof PortbotError)) throw error;
    return fail(error.code === 'invalid-config' ? EXIT.invalid : EXIT.failed, error.message);
  }
  options.stderr.write(`portbot agent: serving zone ${zone} (${config.PORTBOT_AGENT_CONCURRENCY} at a time); SIGTERM or Ctrl-C stops it\n`);

  const running = agent;
  await new Promise<void>((resolve) => {
    let signals = 0;
    const onSignal = (): void => {
      signals++;
      if (signals === 1) void running.stop(SHUTDOWN_GRACE_MS).then(resolve, resolve);
      else running.hurry();
    };
    process.on('SIGTERM', onSignal).on('SIGINT', onSignal);
  });
  options.stderr.write('portbot agent: stopped\n');
  return EXIT.done;
}
