import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as drizzleMigrate } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, migrationsFolder, queryRow, queryRows } from '@/db';
import { applyMigrations, migrateWithLock, pendingMigrations, readMigrations } from '@/db/migrate';
import { databaseUrl, dropDatabase, uniqueName } from '../support/databases';
import { itOnPostgres } from '../support/concurrency';

/**
 * The migration runner (db/migrate.ts) on empty databases of its own: a new database on the
 * PostgreSQL server, or a new in-memory PGlite.
 */
const database = inject('database');
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function emptyDatabase(): Promise<{ db: Database; url: string | null }> {
  if (database.kind === 'postgres') {
    const name = uniqueName('encore_test_migrate');
    const admin = postgres(database.serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = databaseUrl(database.serverUrl, name);
    const client = postgres(url, { max: 4, onnotice: () => {} });
    cleanups.push(
      () => dropDatabase(database.serverUrl, name),
      () => client.end(),
    );
    return { db: drizzlePostgres(client) as unknown as Database, url };
  }
  const client = await PGlite.create('memory://', { extensions: { pg_trgm } });
  cleanups.push(() => client.close());
  return { db: drizzlePglite(client) as unknown as Database, url: null };
}

/** db/migrations plus extra migrations, in a folder of their own. */
function folderWith(extra: { tag: string; sql: string }[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-migrations-'));
  cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Record<string, unknown>[] };
  let when = Number(journal.entries.at(-1)!.when);
  for (const migration of extra) {
    fs.writeFileSync(path.join(folder, `${migration.tag}.sql`), migration.sql);
    journal.entries.push({
      idx: journal.entries.length,
      version: '7',
      when: ++when,
      tag: migration.tag,
      breakpoints: true,
    });
  }
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const recorded = async (db: Database) =>
  (await queryRow<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).n;

describe('migrations', () => {
  it('applies every migration once, in drizzle’s own bookkeeping', async () => {
    const { db } = await emptyDatabase();
    const all = readMigrations();
    expect((await pendingMigrations(db)).map((m) => m.tag)).toEqual(all.map((m) => m.tag));
    expect(await applyMigrations(db)).toEqual(all.map((m) => m.tag));
    expect(await pendingMigrations(db)).toEqual([]);
    expect(await applyMigrations(db)).toEqual([]);
    expect(await recorded(db)).toBe(all.length);
    const { count } = await queryRow<{ count: number }>(db, sql`select count(*)::int as count from products`);
    expect(count).toBe(0);
  });

  it('builds a CONCURRENTLY index outside a transaction, and replaces an invalid leftover of it', async () => {
    const { db } = await emptyDatabase();
    const folder = folderWith([
      {
        tag: '0100_title_index',
        sql: 'CREATE INDEX CONCURRENTLY "products_title_test_idx" ON "products" USING btree ("title");',
      },
      {
        tag: '0101_two_more',
        sql:
          'CREATE INDEX CONCURRENTLY "products_label_test_idx" ON "products" ("label");--> statement-breakpoint\n' +
          'CREATE UNIQUE INDEX CONCURRENTLY "genres_name_test_key" ON "genres" ("name");',
      },
    ]);
    // As if an earlier attempt had failed half-way through building the second index.
    await applyMigrations(db);
    await db.execute(sql`create index "products_label_test_idx" on products (label)`);
    await db.execute(
      sql`update pg_index set indisvalid = false where indexrelid = 'products_label_test_idx'::regclass`,
    );

    expect(await applyMigrations(db, { folder })).toEqual(['0100_title_index', '0101_two_more']);
    const indexes = await queryRows<{ name: string; valid: boolean }>(
      db,
      sql`select c.relname as name, i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
        where c.relname like '%test_i%' or c.relname like '%test_key' order by 1`,
    );
    expect(indexes).toEqual([
      { name: 'genres_name_test_key', valid: true },
      { name: 'products_label_test_idx', valid: true },
      { name: 'products_title_test_idx', valid: true },
    ]);
    expect(await pendingMigrations(db, folder)).toEqual([]);
  });

  it('refuses a migration that mixes CONCURRENTLY with other statements, and rolls a failed one back', async () => {
    const { db } = await emptyDatabase();
    await applyMigrations(db);
    const mixed = folderWith([
      {
        tag: '0100_mixed',
        sql: 'ALTER TABLE "products" ADD COLUMN "x" text;--> statement-breakpoint\nCREATE INDEX CONCURRENTLY "x_idx" ON "products" ("x");',
      },
    ]);
    await expect(applyMigrations(db, { folder: mixed })).rejects.toThrow(/0100_mixed mixes CONCURRENTLY/);
    const failing = folderWith([
      { tag: '0100_half', sql: 'ALTER TABLE "products" ADD COLUMN "y" text;--> statement-breakpoint\nSELECT 1/0;' },
    ]);
    await expect(applyMigrations(db, { folder: failing })).rejects.toThrow();
    const columns = await queryRows<{ name: string }>(
      db,
      sql`select column_name as name from information_schema.columns where table_name = 'products' and column_name in ('x', 'y')`,
    );
    expect(columns).toEqual([]);
    expect((await pendingMigrations(db, failing)).map((m) => m.tag)).toEqual(['0100_half']);
  });

  it.runIf(database.kind === 'postgres')(
    'on PostgreSQL: carries on from a database drizzle’s migrator set up, and drizzle’s migrator then finds nothing to do',
    async () => {
      // Drizzle's migrator runs every pending migration in one transaction, so it cannot apply a
      // CONCURRENTLY one (drizzle-orm issue #860): it set up databases until the first of those.
      const all = readMigrations();
      const firstConcurrent = all.findIndex((m) => m.sql.some((statement) => /concurrently/i.test(statement)));
      expect(firstConcurrent).toBeGreaterThan(0);
      const older = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-migrations-'));
      cleanups.push(async () => fs.rmSync(older, { recursive: true, force: true }));
      fs.mkdirSync(path.join(older, 'meta'));
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
      journal.entries = journal.entries.slice(0, firstConcurrent);
      fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(journal));
      for (const { tag } of journal.entries as { tag: string }[]) {
        fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(older, `${tag}.sql`));
      }

      const { db, url } = await emptyDatabase();
      const client = postgres(url!, { max: 1, onnotice: () => {} });
      cleanups.push(() => client.end());
      await drizzleMigrate(drizzlePostgres(client), { migrationsFolder: older });
      expect((await pendingMigrations(db)).map((m) => m.tag)).toEqual(all.slice(firstConcurrent).map((m) => m.tag));
      expect(await applyMigrations(db)).toEqual(all.slice(firstConcurrent).map((m) => m.tag));
      expect(await pendingMigrations(db)).toEqual([]);
      await drizzleMigrate(drizzlePostgres(client), { migrationsFolder });
      expect(await recorded(db)).toBe(all.length);
    },
  );

  itOnPostgres(
    'lets several instances start at once: one applies each migration, the others wait and find nothing to do',
    async () => {
      const { db, url } = await emptyDatabase();
      const results = await Promise.all([1, 2, 3, 4].map(() => migrateWithLock(url!)));
      expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.tag));
      expect(await recorded(db)).toBe(readMigrations().length);
    },
  );
});
