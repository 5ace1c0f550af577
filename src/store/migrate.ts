// Applies the migrations at open, on either store. drizzle's own migrator takes no lock, and two
// bot processes starting together on one PostgreSQL would both try to create the tables: here one
// transaction holds an advisory lock, so the second waits, then finds everything applied.
import { sql } from 'drizzle-orm';
import { PortbotError } from '../errors.js';
import type { Database } from './database.js';
import type { Migration } from './migrations-folder.js';

/** An arbitrary constant: the advisory lock key all portbot processes agree on. */
const MIGRATION_LOCK = 7_013_415_015;

interface AppliedRow extends Record<string, unknown> {
  readonly tag: string;
  readonly hash: string;
}

/** Applies what is missing, in order; returns the tags it applied. Throws a PortbotError on a mismatch. */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create table if not exists portbot_migrations (tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
    const applied = new Map((await tx.execute<AppliedRow>(sql`select tag, hash from portbot_migrations`)).rows.map((row) => [row.tag, row.hash]));
    const known = new Set(migrations.map((migration) => migration.tag));
    const newer = [...applied.keys()].filter((tag) => !known.has(tag));
    if (newer.length > 0) {
      throw new PortbotError('store-newer-schema', `the database has migrations this portbot does not know (${newer.join(', ')}); run the newer portbot, or another database`);
    }
    const done: string[] = [];
    for (const migration of migrations) {
      const hash = applied.get(migration.tag);
      if (hash !== undefined) {
        if (hash !== migration.hash) throw new PortbotError('store-migration-changed', `migration ${migration.tag} changed after it was applied; migrations are append-only`);
        continue;
      }
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into portbot_migrations (tag, hash) values (${migration.tag}, ${migration.hash})`);
      done.push(migration.tag);
    }
    return done;
  });
}
