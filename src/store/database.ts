// The one Drizzle database type both stores' queries are written against: PGlite's and
// node-postgres's drivers are both PostgreSQL dialect databases over the same schema, and both
// answer a raw `execute` with an object holding `rows` (what RowsResultHKT promises).
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';

interface Rows<T> {
  readonly rows: T[];
}

export interface RowsResultHKT extends PgQueryResultHKT {
  type: Rows<this['row']>;
}

export type Database = PgDatabase<RowsResultHKT>;
export type Transaction = PgTransaction<RowsResultHKT>;

/** Either driver's database, seen through the shared type (each driver's result has `rows`). */
export const asDatabase = (db: PgDatabase<PgQueryResultHKT>): Database => db as unknown as Database;
