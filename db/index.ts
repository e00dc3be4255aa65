import path from 'node:path';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { embeddedDatabaseProblem, env } from '@/lib/env';
import { redactQueryErrors, statementLogger } from './redact';
import * as schema from './schema';

/**
 * The database client. With DATABASE_URL it is postgres.js against a PostgreSQL server; without it,
 * an embedded PGlite in PGLITE_DIR (default .data/pglite) that migrates itself and, when empty,
 * loads the demo catalog — so a fresh clone runs with no database server.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
export type Executor = Database | Transaction;

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

type Handle = { db: Database; close: () => Promise<void>; embedded: boolean };

// Query errors lose the statement's parameters before anyone can log them (db/redact.ts).
redactQueryErrors();
const sqlLogger = () => (env.LOG_SQL ? statementLogger : false);

// Kept on globalThis so that dev-server reloads and Next's separate module graphs share one client:
// a second PGlite on the same directory would lose writes.
const globalForDb = globalThis as unknown as { encoreDb?: Promise<Handle>; encoreNoAutoSeed?: boolean };

/** For commands that seed on their own terms (npm run db:seed): open the embedded database unseeded. */
export function disableAutoSeed(): void {
  globalForDb.encoreNoAutoSeed = true;
}

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case', logger: sqlLogger() });
  return { db: db as unknown as Database, close: () => client.end({ timeout: 5 }), embedded: false };
}

async function openEmbedded(dataDir: string): Promise<Handle> {
  const { acquireDataDirLock, releaseDataDirLock } = await import('./lock');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) acquireDataDirLock(dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir), { extensions: { pg_trgm } });
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle(client, { schema, casing: 'snake_case', logger: sqlLogger() }) as unknown as Database;
  const { prepareEmbeddedDatabase } = await import('./prepare');
  await prepareEmbeddedDatabase(db, { seed: !globalForDb.encoreNoAutoSeed });
  return {
    db,
    embedded: true,
    close: async () => {
      await client.close();
      if (!inMemory) releaseDataDirLock(dataDir);
    },
  };
}

function open(): Promise<Handle> {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  // A production build or server without DATABASE_URL would otherwise quietly create a demo store.
  const problem = embeddedDatabaseProblem(env);
  if (problem) return Promise.reject(new Error(`Encore refuses to open the embedded database: ${problem}.`));
  return openEmbedded(env.PGLITE_DIR);
}

function handle(): Promise<Handle> {
  if (!globalForDb.encoreDb) {
    globalForDb.encoreDb = open();
    // A failed open (for example a locked directory) must not be cached forever.
    globalForDb.encoreDb.catch(() => {
      globalForDb.encoreDb = undefined;
    });
  }
  return globalForDb.encoreDb;
}

/** The shared client, opened (and for the embedded database migrated and seeded) on first use. */
export async function getDb(): Promise<Database> {
  return (await handle()).db;
}

/** True when running on the embedded PGlite database rather than a PostgreSQL server. */
export function usesEmbeddedDatabase(): boolean {
  return !env.DATABASE_URL;
}

/** Replaces the shared client, for tests that bring their own database. */
export function setDb(db: Database, close: () => Promise<void> = async () => {}): void {
  globalForDb.encoreDb = Promise.resolve({ db, close, embedded: false });
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.encoreDb;
  globalForDb.encoreDb = undefined;
  if (current) await (await current).close();
}

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
