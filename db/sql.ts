import path from 'node:path';
import { type ExtractTablesWithRelations, getTableColumns, type SQL, type Table } from 'drizzle-orm';
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

/** The names in a space-separated list: `Words<'id email'>` is `'id' | 'email'`. */
type Words<S extends string> = S extends `${infer Head} ${infer Rest}` ? Head | Words<Rest> : S;
type ColumnsOf<T extends Table> = T['_']['columns'];
/** `S` when every name in it is a column of `T`; otherwise a type that names the first unknown ones. */
type KnownColumns<T extends Table, S extends string> = [Exclude<Words<S>, keyof ColumnsOf<T>>] extends [never]
  ? S
  : `not a column of the table: ${Exclude<Words<S>, keyof ColumnsOf<T>>}`;

/**
 * Some columns of a table by their TypeScript names, for a `select` or `returning` that reads them
 * under the same names: `pick(users, 'id email createdAt')` is `{ id: users.id, email: users.email,
 * createdAt: users.createdAt }`, typed from the schema. A name that is not a column does not compile.
 * The names may also be a constant list (`pick(users, KEYS)`), when a type is made from the same list.
 */
export function pick<T extends Table, const K extends keyof ColumnsOf<T> & string>(
  table: T,
  names: readonly K[],
): Pick<ColumnsOf<T>, K>;
export function pick<T extends Table, const S extends string>(
  table: T,
  names: S & KnownColumns<T, S>,
): Pick<ColumnsOf<T>, Words<S> & keyof ColumnsOf<T>>;
export function pick(table: Table, names: string | readonly string[]): Record<string, unknown> {
  const columns: Record<string, unknown> = getTableColumns(table);
  const list = typeof names === 'string' ? names.split(' ') : names;
  return Object.fromEntries(list.map((name) => [name, columns[name]]));
}
