// The audit trail: one JSON line per command, written synchronously so a crash or a short-lived
// CLI run cannot lose the record of what was scanned. The line is built from known fields only
// (nothing a caller attaches leaks through), free text is scrubbed, and pino's redaction guards
// the credential-shaped keys in case a field is ever added carelessly.
import { pino } from 'pino';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.js';
import type { AuditEntry, AuditLog } from './audit.js';
import { createSecretScrubber, redacted } from './secrets.js';

const redactPaths = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'appToken',
  'response_url',
  '*.response_url',
  'responseUrl',
  '*.responseUrl',
  'interactionToken',
  '*.interactionToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
];

/** Audit lines go to `destination`, else PORTBOT_AUDIT_LOG (appended, created with its folder), else stderr. */
export function createAuditLog(config: Config, destination?: DestinationStream): AuditLog {
  const stream =
    destination ??
    (config.PORTBOT_AUDIT_LOG === undefined
      ? pino.destination({ fd: 2, sync: true })
      : pino.destination({ dest: config.PORTBOT_AUDIT_LOG, append: true, mkdir: true, sync: true }));
  const logger = pino(
    {
      // The audit trail is not operational logging: PORTBOT_LOG_LEVEL does not silence it.
      level: 'info',
      base: { log: 'audit' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: redacted },
    },
    stream,
  );
  const scrub = createSecretScrubber(config);
  const scrubAll = (texts: readonly string[] | undefined): string[] | undefined => texts?.map(scrub);

  return {
    record(entry: AuditEntry) {
      const { requester } = entry;
      const line = {
        platform: requester.platform,
        workspace: optional(requester.workspaceId, scrub),
        channel: optional(requester.channelId, scrub),
        user: scrub(requester.userId),
        roles: scrubAll(requester.roleIds),
        command: entry.command,
        text: scrub(entry.text),
        targets: scrubAll(entry.targets),
        addresses: scrubAll(entry.addresses),
        ports: optional(entry.ports, scrub),
        decision: entry.decision,
        reason: optional(entry.reason, scrub),
        durationMs: entry.durationMs,
        summary: entry.summary,
      };
      logger.info(line, `${entry.command} ${entry.decision}`);
    },
  };
}

const optional = (text: string | undefined, scrub: (text: string) => string): string | undefined =>
  text === undefined ? undefined : scrub(text);
