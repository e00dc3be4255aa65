import { sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { type Database, queryRows } from './index';
import { applyMigrations } from './migrate';

/**
 * Brings a freshly opened embedded database up to date: applies pending migrations and, on an empty
 * database (and unless SEED_DEMO=never), loads the demo catalog. Runs once per process, at open.
 * It never creates accounts: the demo accounts, whose passwords are in the README, come only from
 * `npm run demo` (scripts/demo.ts); any other store makes its admin with `npm run admin:create`.
 */
export async function prepareEmbeddedDatabase(db: Database, { seed = true } = {}): Promise<void> {
  await applyMigrations(db, { log: (line) => console.log(`[encore] ${line}`) });
  if (!seed || env.SEED_DEMO === 'never') return;
  const [{ count }] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from products`);
  if (count > 0) return;
  const { seedDemo } = await import('./seed');
  const started = Date.now();
  console.log('[encore] Empty embedded database: loading the demo catalog…');
  const summary = await seedDemo(db, { log: (line) => console.log(`[encore] ${line}`) });
  console.log(
    `[encore] Demo catalog ready: ${summary.products} products in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
