// PORTBOT_REDIS_URL -> connection options for ioredis and BullMQ. `rediss://` means TLS (the
// server's certificate is verified against the system's CAs, plus NODE_EXTRA_CA_CERTS); a user
// name and password in the URL authenticate as a Redis ACL user (docs/agents.md). The password
// never appears in a message: `shownUrl` (src/shown-url.ts) is what errors and logs print.
import { PortbotError } from '../errors.js';

const EXAMPLE = 'e.g. redis://localhost:6379 or rediss://portbot-agent:secret@redis.example.com:6380/0';

/** Where Redis is and how to log in: options that ioredis and BullMQ both read. */
export interface RedisEndpoint {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  readonly tls?: Record<string, never>;
}

/** Reads a redis:// or rediss:// URL; throws a PortbotError ('invalid-config') for anything else. */
export function redisOptions(url: string): RedisEndpoint {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new PortbotError('invalid-config', `PORTBOT_REDIS_URL is not a URL: ${EXAMPLE}`, { cause: error });
  }
  const tls = parsed.protocol === 'rediss:';
  if (!tls && parsed.protocol !== 'redis:') throw new PortbotError('invalid-config', `PORTBOT_REDIS_URL must start with redis:// or rediss:// (TLS), ${EXAMPLE}`);
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) throw new PortbotError('invalid-config', `PORTBOT_REDIS_URL: "/${db}" is not a database number, ${EXAMPLE}`);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return {
    host: host === '' ? 'localhost' : host,
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(parsed.username === '' ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === '' ? {} : { password: decodeURIComponent(parsed.password) }),
    ...(db === '' ? {} : { db: Number(db) }),
    // Node checks the certificate against the host name of the URL (tls.connect's default).
    ...(tls ? { tls: {} } : {}),
  };
}

