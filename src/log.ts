// The operational log (not the audit trail): what an operator needs to run portbot, as pino JSON
// lines on standard error so standard output stays free for answers and --json documents.
import { pino, type Logger, type LevelWithSilent } from 'pino';
import type { AuditLog } from './policy/audit.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  /** File descriptor to write to; 2 (standard error) unless a test wants another. */
  readonly fd?: number;
}

export function createLogger(options: LoggerOptions): Logger {
  // Synchronous writes: the CLI exits right after answering, and a buffered line would be lost.
  return pino({ level: options.level, base: { name: 'portbot' } }, pino.destination({ dest: options.fd ?? 2, sync: true }));
}

/**
 * Where the console and the CLI send audit entries when PORTBOT_AUDIT_LOG is unset: into the
 * operational log at debug level. Raw JSON lines on the terminal would garble the chat and the
 * CLI's one-line error contract, yet `PORTBOT_LOG_LEVEL=debug` still shows every entry.
 */
export function auditToLogger(logger: Logger): AuditLog {
  return { record: (entry) => logger.debug({ audit: entry }, 'audit') };
}
