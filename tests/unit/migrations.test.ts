import { describe, expect, it } from 'vitest';
import { readMigrations } from '@/db/migrate';
import { migrationIssues } from '@/db/migration-rules';

// Migrations up to this one were written before the rule (and were applied long ago); every newer one
// must build indexes on existing tables CONCURRENTLY, in a migration of its own (db/migration-rules.ts).
const LAST_GRANDFATHERED = '0008_editions_listing_index';

const migration = (tag: string, ...statements: string[]) => ({ tag, sql: statements });

describe('migration rules', () => {
  it('hold for every migration after the grandfathered ones', () => {
    const migrations = readMigrations();
    const first = migrations.findIndex((m) => m.tag === LAST_GRANDFATHERED) + 1;
    expect(first).toBeGreaterThan(0);
    expect(migrationIssues(migrations, first)).toEqual([]);
  });

  it('flag a plain CREATE INDEX on a table an earlier migration created', () => {
    const history = [
      migration('0001_tables', 'CREATE TABLE "orders" ("id" serial PRIMARY KEY, "email" text)'),
      migration('0002_index', 'CREATE INDEX "orders_email_idx" ON "orders" USING btree ("email");'),
      migration('0003_unique', 'CREATE UNIQUE INDEX IF NOT EXISTS "orders_email_key" ON "public"."orders" ("email")'),
    ];
    expect(migrationIssues(history, 1).map((issue) => [issue.tag, issue.message])).toEqual([
      ['0002_index', expect.stringContaining('index "orders_email_idx" on the existing table "orders"')],
      ['0003_unique', expect.stringContaining('index "orders_email_key" on the existing table "orders"')],
    ]);
  });

  it('accept CONCURRENTLY on its own, and a plain index on a table created alongside it', () => {
    const history = [
      migration('0001_tables', 'CREATE TABLE "orders" ("id" serial PRIMARY KEY, "email" text)'),
      migration('0002_concurrent', 'CREATE INDEX CONCURRENTLY "orders_email_idx" ON "orders" USING btree ("email");'),
      migration(
        '0003_new_table',
        'CREATE TABLE "returns" ("id" serial PRIMARY KEY, "order_id" integer)',
        'CREATE INDEX "returns_order_idx" ON "returns" ("order_id")',
      ),
    ];
    expect(migrationIssues(history, 1)).toEqual([]);
  });

  it('flag a migration that mixes CONCURRENTLY with other statements (it cannot run in one transaction)', () => {
    const history = [
      migration('0001_tables', 'CREATE TABLE "orders" ("id" serial PRIMARY KEY, "email" text)'),
      migration(
        '0002_mixed',
        'ALTER TABLE "orders" ADD COLUMN "phone" text',
        'CREATE INDEX CONCURRENTLY "orders_phone_idx" ON "orders" ("phone")',
      ),
    ];
    expect(migrationIssues(history, 1)).toEqual([{ tag: '0002_mixed', message: expect.stringContaining('mixes') }]);
  });
});
