import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, migrationsFolder, queryRows } from './index';

/** How many committed migrations the database has not applied yet (drizzle's journal vs its table). */
export async function countPendingMigrations(db: Database): Promise<number> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  try {
    const [{ count }] = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    return journal.entries.length - count;
  } catch {
    return journal.entries.length;
  }
}
