import path from 'node:path';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

// What the client, the migrator and the seed share, apart from the client itself (db/index.ts), so
// that the migrator need not import the module that opens the database and runs it.

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
export type Executor = Database | Transaction;

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The one row of a query that always returns one (an aggregate, `pg_try_advisory_lock`); throws when there is none. */
export async function queryRow<T>(executor: Executor, query: SQL): Promise<T> {
  const [row] = await queryRows<T>(executor, query);
  if (row === undefined) throw new Error('The query returned no row where one was expected');
  return row;
}
