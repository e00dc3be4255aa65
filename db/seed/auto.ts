import { sql } from 'drizzle-orm';
import { type Database, queryRow } from '@/db';
import { env } from '@/lib/env';

/**
 * Loads the demo catalog into an empty embedded database (unless SEED_DEMO=never), so a fresh clone
 * shows a store. Called by `npm run demo` before it builds (the build prerenders the catalog pages
 * from it) and by the server start (instrumentation-node.ts) once the database is open and migrated. It never creates accounts: the demo accounts, whose passwords are in the README, come
 * only from `npm run demo` (scripts/demo.ts); any other store makes its admin with
 * `npm run admin:create`.
 */
export async function loadDemoCatalogIfEmpty(db: Database): Promise<void> {
  if (env.SEED_DEMO === 'never') return;
  const { count } = await queryRow<{ count: number }>(db, sql`select count(*)::int as count from products`);
  if (count > 0) return;
  const { seedDemo } = await import('./index');
  const started = Date.now();
  console.log('[encore] Empty embedded database: loading the demo catalog…');
  const summary = await seedDemo(db, { log: (line) => console.log(`[encore] ${line}`) });
  console.log(
    `[encore] Demo catalog ready: ${summary.products} products in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
}
