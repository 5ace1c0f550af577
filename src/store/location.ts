// Where history lives, from the configuration. Its own small module: the CLI and the scan service
// name the location without loading the store's code (Drizzle, PGlite, pg), which open-store.ts pulls in.
import { isAbsolute, resolve } from 'node:path';
import type { Config } from '../config.js';

/** Where history lives: embedded in a directory (the default), or a PostgreSQL server. */
export type StoreLocation = { readonly kind: 'embedded'; readonly dataDir: string } | { readonly kind: 'postgres'; readonly url: string };

/** PORTBOT_DATABASE_URL when set; else PORTBOT_DATA_DIR, default `data` in the working directory (beside .env). */
export function storeLocation(config: Pick<Config, 'PORTBOT_DATA_DIR' | 'PORTBOT_DATABASE_URL'>, cwd: string = process.cwd()): StoreLocation {
  if (config.PORTBOT_DATABASE_URL !== undefined) return { kind: 'postgres', url: config.PORTBOT_DATABASE_URL };
  const dir = config.PORTBOT_DATA_DIR ?? 'data';
  return { kind: 'embedded', dataDir: isAbsolute(dir) ? dir : resolve(cwd, dir) };
}
