// The operational log (not the audit trail): what an operator needs to run portbot, as pino JSON
// lines on standard error so standard output stays free for answers and --json documents.
import type { Logger, LevelWithSilent } from 'pino';
import type { AuditLog } from './policy/audit.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  /** File descriptor to write to; 2 (standard error) unless a test wants another. */
  readonly fd?: number;
}

/**
 * What `portbot scan` and `portbot port` log through; pino's Logger is one. Those commands log
 * nothing unless PORTBOT_LOG_LEVEL asks, and then need no pino at all: it is about 6 MB and 50 ms
 * of start-up for a scan that is timed against nmap.
 */
export interface CommandLog {
  debug(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLog: CommandLog = { debug: () => undefined, error: () => undefined };

export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const { pino } = await import('pino');
  // Synchronous writes: the CLI exits right after answering, and a buffered line would be lost.
  return pino({ level: options.level, base: { name: 'portbot' } }, pino.destination({ dest: options.fd ?? 2, sync: true }));
}

/**
 * Where the console and the CLI send audit entries when PORTBOT_AUDIT_LOG is unset: into the
 * operational log at debug level. Raw JSON lines on the terminal would garble the chat and the
 * CLI's one-line error contract, yet `PORTBOT_LOG_LEVEL=debug` still shows every entry.
 */
export function auditToLogger(logger: CommandLog): AuditLog {
  return { record: (entry) => logger.debug({ audit: entry }, 'audit') };
}
