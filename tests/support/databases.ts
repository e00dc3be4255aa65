import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { Database } from '@/db';
import { applyMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { faultLogger } from './statement-trace';

/** Test databases: real Postgres databases cloned from a seeded template, or PGlite snapshots. */

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A new database on the server, migrated and seeded with the demo catalog. */
export async function createTemplateDatabase(serverUrl: string): Promise<string> {
  const name = uniqueName('encore_test_tpl');
  await withAdmin(serverUrl, (sql) => sql.unsafe(`create database ${quote(name)}`));
  const client = postgres(databaseUrl(serverUrl, name), { max: 1, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' });
  await applyMigrations(db as unknown as Database);
  await seedDemo(db as unknown as Database);
  await client.end();
  return name;
}

export async function cloneDatabase(serverUrl: string, template: string): Promise<string> {
  const name = uniqueName('encore_test');
  await withAdmin(serverUrl, (sql) => sql.unsafe(`create database ${quote(name)} template ${quote(template)}`));
  return name;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (sql) => sql.unsafe(`drop database if exists ${quote(name)} with (force)`));
}

export function openPostgres(url: string, max = 20) {
  const client = postgres(url, { max, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema, casing: 'snake_case', logger: faultLogger }) as unknown as Database,
    close: () => client.end(),
  };
}

/** A gzipped PGlite data directory with migrations applied and the demo catalog loaded. */
export async function seededSnapshot(): Promise<Buffer> {
  const client = await PGlite.create('memory://', { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  await applyMigrations(db as unknown as Database);
  await seedDemo(db as unknown as Database);
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  return Buffer.from(await dump.arrayBuffer());
}

export async function openSnapshot(file: string) {
  const client = await PGlite.create('memory://', {
    extensions: { pg_trgm },
    loadDataDir: new Blob([fs.readFileSync(file)]),
  });
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case', logger: faultLogger }) as unknown as Database,
    close: () => client.close(),
  };
}
