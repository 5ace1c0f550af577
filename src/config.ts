// One zod schema over process.env, parsed once at start. A bad value stops startup with a message
// that names the variable, so an operator never runs a bot that silently ignores a setting.
import { z } from 'zod';
import { PortbotError } from './errors.js';
import { zonesProblem } from './remote/zones.js';
import { parseDuration } from './watch/duration.js';
import { isTimeZone, TIME_ZONE_EXAMPLES } from './watch/time-zone.js';

const list = z
  .string()
  .optional()
  .transform((text) => (text ?? '').split(/[\s,]+/).filter((item) => item.length > 0));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const optionalText = z
  .string()
  .optional()
  .transform((text) => (text === undefined || text.trim() === '' ? undefined : text.trim()));

const optionalUrl = optionalText.pipe(z.url().optional());

export const configSchema = z.object({
  /** Targets that may be scanned: CIDRs, addresses, hostnames, *.example.com. Empty: no scanning. */
  PORTBOT_ALLOWLIST: list,
  /** Extra denials, checked before the allowlist. */
  PORTBOT_DENYLIST: list,
  PORTBOT_MAX_PORTS_PER_SCAN: positiveInt(65535),
  PORTBOT_MAX_ADDRESSES_PER_SCAN: positiveInt(256),
  PORTBOT_SCANS_PER_MINUTE: positiveInt(6),
  PORTBOT_CONCURRENT_SCANS_PER_USER: positiveInt(2),
  /** Global cap on open sockets, shared fairly between running scans. */
  PORTBOT_MAX_SOCKETS: positiveInt(2048),
  /** Chat scans identify what answers on their open ports by themselves when they found at most this many; 0: only when asked. */
  PORTBOT_DETECT_MAX_PORTS: z.coerce.number().int().min(0).max(256).default(20),
  /** Platform user ids allowed to scan; empty: everyone who can reach the bot. */
  PORTBOT_ALLOWED_USERS: list,
  PORTBOT_ALLOWED_CHANNELS: list,
  PORTBOT_ALLOWED_ROLES: list,
  /** Discord guild (server) ids where /scan works, besides DISCORD_GUILD_ID; empty: none. */
  PORTBOT_ALLOWED_GUILDS: list,
  /** Slack workspace (team) ids whose people may /scan; empty: the bot token's own workspace. */
  PORTBOT_ALLOWED_WORKSPACES: list,
  /** Where scan results go by default: the channel, or only the person who asked. */
  PORTBOT_RESULTS: z.enum(['channel', 'private']).default('channel'),
  PORTBOT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** File for the audit trail (one JSON line per command); unset: standard error. */
  PORTBOT_AUDIT_LOG: optionalText,
  /** Embedded history store's directory; unset: `data` in the working directory (beside .env). */
  PORTBOT_DATA_DIR: optionalText,
  /** PostgreSQL instead of the embedded store (several bot processes may share it). */
  PORTBOT_DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://, e.g. postgres://portbot:secret@db.example.com:5432/portbot')
      .optional(),
  ),
  /** Finished scans older than this many days are pruned from history. */
  PORTBOT_HISTORY_DAYS: positiveInt(90),
  /** Redis for scanner agents (BullMQ), redis:// or rediss:// (TLS); unset: every scan runs in this process. */
  PORTBOT_REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/[^\s]+$/, 'must start with redis:// or rediss:// (TLS), e.g. rediss://portbot:secret@redis.example.com:6380')
      .optional(),
  ),
  /** Targets scanned by a zone's agents, e.g. dmz=10.1.0.0/16,*.dmz.example.com;office=192.168.10.0/24. */
  PORTBOT_ZONES: optionalText.superRefine((text, context) => {
    const problem = zonesProblem(text);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  }),
  /** Jobs one `portbot agent` runs at once. */
  PORTBOT_AGENT_CONCURRENCY: positiveInt(2),
  /** Time zone of watch clock times ("daily at 06:00") and of the run times portbot shows: an IANA name. */
  PORTBOT_TIMEZONE: optionalText.pipe(z.string().refine(isTimeZone, `must be an IANA time zone name, ${TIME_ZONE_EXAMPLES}`).default('UTC')),
  /** Shortest interval a watch may have, in seconds (typed as 15m, 1h, 2s). */
  PORTBOT_WATCH_MIN_INTERVAL: optionalText.pipe(
    z
      .string()
      .default('15m')
      .transform((text, context) => {
        const seconds = parseDuration(text);
        if (seconds !== undefined) return seconds;
        context.issues.push({ code: 'custom', message: 'must be a duration such as 15m, 1h or 2s', input: text });
        return z.NEVER;
      }),
  ),

  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: optionalUrl,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: optionalUrl,
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment; throws a PortbotError whose message names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new PortbotError('invalid-config', `invalid configuration: ${problems.join('; ')}`, { cause: parsed.error });
}
