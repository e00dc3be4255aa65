import path from 'node:path';
import { embeddedDatabaseProblem, env } from '@/lib/env';
import { redactQueryErrors, statementLogger } from './redact';
import * as schema from './schema';
import type { Database } from './sql';

export { type Database, type Executor, migrationsFolder, pick, queryRow, queryRows, type Transaction } from './sql';

/**
 * The database client. With DATABASE_URL it is postgres.js against a PostgreSQL server; without it,
 * an embedded PGlite in PGLITE_DIR (default .data/pglite) that migrates itself when opened. The
 * server start loads the demo catalog into an empty one (db/seed/auto.ts), so a fresh clone runs
 * with no database server.
 */

type Handle = { db: Database; close: () => Promise<void>; embedded: boolean };

// Query errors lose the statement's parameters before anyone can log them (db/redact.ts).
redactQueryErrors();
const sqlLogger = () => (env.LOG_SQL ? statementLogger : false);

// Kept on globalThis so that dev-server reloads and Next's separate module graphs share one client:
// a second PGlite on the same directory would lose writes.
const globalForDb = globalThis as unknown as { encoreDb?: Promise<Handle> };

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
  const { applyMigrations } = await import('./migrate');
  await applyMigrations(db, { log: (line) => console.log(`[encore] ${line}`) });
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

/** The shared client, opened (and for the embedded database migrated) on first use. */
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
