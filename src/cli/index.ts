// `portbot scan|port|ping|history|diff|console|agent`, and `portbot` alone to start the chat bots.
// Same scan service and policy as chat (platform "cli"), exit codes per DESIGN.md: 0 done, 2 invalid
// input, 3 refused, 1 otherwise. Every failure is one line on stderr; stacks go to the operational
// log. The bots, `port`, the agent and the history store are imported when asked for: `portbot scan`
// (without --save) starts without loading any of them.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { adaptersFor, type AdapterLoader, type AdapterName } from './adapter-loader.js';
import { buildScanService, checkZoneSettings, configuredPolicy, openConfiguredHistory } from './compose.js';
import { terminalHistoryCommand } from './history.js';
import { terminalScan } from './scan.js';
import { EXIT, usageError, type TerminalStreams } from './terminal.js';
import { USAGE } from './usage.js';
import { loadConfig, type Config } from '../config.js';
import { PortbotError } from '../errors.js';
import { auditToLogger, createLogger, silentLog, type CommandLog } from '../log.js';
import type { AuditLog } from '../policy/audit.js';
import { validateTargetRules } from '../policy/index.js';
import type { Requester } from '../policy/types.js';
import { formatFromFlags } from '../report/scan-formats.js';

export type { AdapterLoader, AdapterName, AdapterContext } from './adapter-loader.js';
export { USAGE } from './usage.js';

export interface CliOptions {
  readonly loadAdapters: AdapterLoader;
  readonly env?: NodeJS.ProcessEnv;
  readonly streams?: TerminalStreams;
}

function cliRequester(): Requester {
  let user = process.env['USER'] ?? 'cli';
  try {
    user = userInfo().username;
  } catch {
    // Containers without a passwd entry for the uid: keep the fallback.
  }
  return { platform: 'cli', userId: user };
}

export async function runCli(argv: readonly string[], options: CliOptions): Promise<number> {
  const streams = options.streams ?? { stdout: process.stdout, stderr: process.stderr };
  const env = options.env ?? process.env;
  // The agent reads its own arguments (--zone) and loads BullMQ only when asked for.
  if (argv[0] === 'agent') return (await import('../remote/agent-command.js')).runAgentCommand(argv.slice(1), { env, ...streams });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        xml: { type: 'boolean' },
        csv: { type: 'boolean' },
        udp: { type: 'boolean' },
        services: { type: 'boolean' },
        'all-hosts': { type: 'boolean' },
        save: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's own messages run long; keep the one line about what was wrong.
    const option = error instanceof Error ? /'([^']+)'/.exec(error.message)?.[1] : undefined;
    return usageError(streams, option === undefined ? 'cannot read those arguments' : `unknown option "${option}"`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help === true || command === 'help') {
    streams.stdout.write(`${USAGE}\n`);
    return EXIT.done;
  }

  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof PortbotError)) throw error;
    streams.stderr.write(`portbot: ${error.message}\n`);
    return EXIT.invalid;
  }
  try {
    // A bad allowlist or denylist rule is a bad variable like any other: exit 2, whatever the command.
    validateTargetRules(config);
    checkZoneSettings(config);
  } catch (error) {
    if (!(error instanceof PortbotError)) throw error;
    streams.stderr.write(`portbot: invalid configuration: ${error.message}\n`);
    return EXIT.invalid;
  }
  // Scripts read the answer and the one-line error: logs stay off unless asked for by name.
  const explicitLevel = env['PORTBOT_LOG_LEVEL'] !== undefined && env['PORTBOT_LOG_LEVEL'] !== '';
  const quietLevel = command === 'scan' || command === 'port' || command === 'ping' || command === 'history' || command === 'diff' || command === 'watch' ? 'silent' : 'error';
  const chatting = command === undefined && adaptersFor(config)[0] !== 'console';
  const level = explicitLevel || chatting ? config.PORTBOT_LOG_LEVEL : quietLevel;
  // A silent level needs no pino (log.ts says why); the chats create theirs below all the same.
  const logger = level === 'silent' ? undefined : await createLogger({ level });
  const commandLog: CommandLog = logger ?? silentLog;
  // The audit trail goes to PORTBOT_AUDIT_LOG, or for the chat bots to stderr; in the terminal,
  // raw audit lines would garble the chat and the one-line errors, so it joins the debug log.
  const audit: AuditLog =
    config.PORTBOT_AUDIT_LOG !== undefined || chatting ? (await import('../policy/audit-log.js')).createAuditLog(config) : auditToLogger(commandLog);

  try {
    switch (command) {
      case 'scan': {
        const [target, ...ports] = rest;
        if (target === undefined) return usageError(streams, 'say what to scan, e.g. `portbot scan localhost 22,80`');
        const portText = ports.length > 0 ? ports.join(',') : undefined;
        const { format, conflict } = formatFromFlags(values);
        if (conflict !== undefined) return usageError(streams, conflict);
        const request = {
          target,
          ports: portText,
          udp: values.udp === true,
          format,
          text: ['scan', ...rest].join(' '),
          commandLine: ['portbot', ...argv].join(' '),
          services: values.services === true,
          allHosts: values['all-hosts'] === true,
          save: values.save === true,
        };
        // Only --save opens the store (and loads its code): a plain scan stays as quick as before.
        const history = request.save ? openConfiguredHistory(config) : undefined;
        const service = buildScanService({ config, audit, logger: commandLog, loopbackWhenUnconfigured: true, ...(history === undefined ? {} : { history }) });
        try {
          return await terminalScan(service, commandLog, cliRequester(), request, streams);
        } finally {
          await service.close();
          await history?.close();
        }
      }
      case 'history':
      case 'diff': {
        if (values.xml === true) return usageError(streams, `--xml is for \`portbot scan\`; \`portbot ${command}\` prints text, --json or --csv`);
        if (values.json === true && values.csv === true) return usageError(streams, '--json and --csv cannot be combined: choose one output format');
        return await terminalHistoryCommand(command, rest, values.csv === true ? 'csv' : values.json === true ? 'json' : 'text', () => openConfiguredHistory(config), streams);
      }
      case 'watch': {
        const { terminalWatchCommand } = await import('./watch.js');
        return await terminalWatchCommand(rest, values.json === true, () => openConfiguredHistory(config), streams);
      }
      case 'ping': {
        if (rest.length === 0) return usageError(streams, 'say what to ping, e.g. `portbot ping localhost`');
        if (values.xml === true || values.csv === true) return usageError(streams, '--xml and --csv are for `portbot scan`; `portbot ping` prints text or --json');
        const service = buildScanService({ config, audit, logger: commandLog, loopbackWhenUnconfigured: true });
        const { terminalPing } = await import('./ping.js');
        try {
          return await terminalPing(service, cliRequester(), rest.join(' '), values.json === true, streams);
        } finally {
          await service.close();
        }
      }
      case 'port': {
        if (rest.length === 0) return usageError(streams, 'say what to explain, e.g. `portbot port 22`');
        if (values.xml === true || values.csv === true) return usageError(streams, '--xml and --csv are for `portbot scan`; `portbot port` prints text or --json');
        const { terminalPort } = await import('./port.js');
        return terminalPort(rest.join(' '), values.json === true, cliRequester(), audit, streams);
      }
      case 'console':
      case undefined: {
        const names: AdapterName[] = command === 'console' ? ['console'] : adaptersFor(config);
        const loopbackWhenUnconfigured = names.length === 1 && names[0] === 'console';
        const policy = configuredPolicy(config, loopbackWhenUnconfigured, commandLog, true);
        const { startBots } = await import('./start.js');
        return await startBots({ names, config, logger: logger ?? (await createLogger({ level })), policy, audit, loadAdapters: options.loadAdapters, streams });
      }
      default:
        return usageError(streams, `unknown command "${command.slice(0, 40)}"`);
    }
  } catch (error) {
    commandLog.error({ err: error }, 'portbot failed');
    const code = error instanceof PortbotError ? ` (${error.code})` : '';
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    streams.stderr.write(`portbot: ${message}${code}\n`);
    return error instanceof PortbotError && error.code === 'invalid-config' ? EXIT.invalid : EXIT.failed;
  }
}

