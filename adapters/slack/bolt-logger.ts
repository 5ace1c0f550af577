// Bolt and its Web API client log through their own Logger interface; this routes those lines into
// portbot's pino logger so an operator reads one log, at one level.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import { format } from 'node:util';

const boltLevelOf: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

export function boltLevel(logger: Logger): LogLevel {
  return boltLevelOf[logger.level] ?? LogLevel.INFO;
}

export interface SdkLogger extends BoltLogger {
  /** Start-up succeeded: from now on the SDK's warnings are logged as warnings. */
  started(): void;
}

export function boltLogger(logger: Logger): SdkLogger {
  const log = logger.child({ component: 'slack-sdk' });
  let level = boltLevel(logger);
  // While starting, each retry of an unreachable API would warn ("http request failed"); a failed
  // start is reported once, with its cause, by the adapter, so those go to the debug log.
  let starting = true;
  return {
    started: () => {
      starting = false;
    },
    debug: (...parts: unknown[]) => log.debug(format(...parts)),
    info: (...parts: unknown[]) => log.info(format(...parts)),
    warn: (...parts: unknown[]) => (starting ? log.debug(format(...parts)) : log.warn(format(...parts))),
    error: (...parts: unknown[]) => log.error(format(...parts)),
    // pino's level stays the operator's choice; Bolt only asks what it is.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
