import { sql } from 'drizzle-orm';
import { inject, it, type TestContext } from 'vitest';
import { getDb } from '@/db';

/**
 * Concurrency tests: races need several connections. The embedded PGlite database has one and runs
 * statements one at a time, so there a race cannot happen and such a test would pass whatever the
 * code does: it is skipped, saying so, and runs on PostgreSQL (CI sets DATABASE_URL).
 */
export const onPostgres = inject('database').kind === 'postgres';

/** Shown beside each skipped test (`--reporter=verbose`). */
export const POSTGRES_ONLY =
  'needs PostgreSQL (DATABASE_URL): the embedded PGlite database runs one statement at a time, so this race cannot happen there';

/** Connections the test clients may open (tests/support/databases.ts `openPostgres`). */
const POOL_SIZE = 20;

/**
 * Opens every connection of the pool before a race. Alone, a test's simultaneous calls would each
 * wait for a connection of their own to be opened, one after the other, and often no longer overlap:
 * the test would then pass even with the guarantee broken, and catch it only after earlier tests of
 * its file had warmed the pool.
 */
async function warmPool(): Promise<void> {
  const db = await getDb();
  await Promise.all(Array.from({ length: POOL_SIZE }, () => db.execute(sql`select pg_sleep(0.05)`)));
}

/**
 * A test of what happens at the same moment (a race): runs on PostgreSQL, with the pool warmed, and
 * is skipped on PGlite with {@link POSTGRES_ONLY}. Each such test sets up its own data, so that it
 * holds run alone (`npm run test:isolated` runs each one alone, five times).
 */
export function itOnPostgres(name: string, fn: (context: TestContext) => Promise<void>, timeout?: number): void {
  it(
    name,
    async (context) => {
      if (!onPostgres) context.skip(POSTGRES_ONLY);
      await warmPool();
      await fn(context);
    },
    timeout,
  );
}
