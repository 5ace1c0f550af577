// Reads the SQL migrations drizzle-kit generated from schema.ts. They stay in the source tree
// (src/store/migrations/), found by walking up from this module, so the compiled files in dist/src
// and a bundle in dist/bundle read the same SQL without a copy step that could drift.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PortbotError } from '../errors.js';

export interface Migration {
  /** drizzle-kit's tag, e.g. "0000_jobs": the order and the name recorded once applied. */
  readonly tag: string;
  readonly statements: readonly string[];
  /** sha256 of the file: a migration edited after it was applied is refused, not silently skipped. */
  readonly hash: string;
}

interface Journal {
  readonly entries: readonly { readonly idx: number; readonly tag: string }[];
}

const JOURNAL = join('src', 'store', 'migrations', 'meta', '_journal.json');

/** The folder holding the migrations, from the first ancestor of this module that has them. */
export function migrationsFolder(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, JOURNAL))) return join(dir, 'src', 'store', 'migrations');
    if (dirname(dir) === dir) throw new PortbotError('store-migrations-missing', `cannot find ${JOURNAL} above ${from}`);
  }
}

export function readMigrations(folder: string = migrationsFolder()): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = readFileSync(join(folder, `${tag}.sql`), 'utf8');
      const statements = text
        .split('--> statement-breakpoint')
        .map((statement) => statement.trim())
        .filter((statement) => statement.length > 0);
      return { tag, statements, hash: createHash('sha256').update(text).digest('hex') };
    });
}
