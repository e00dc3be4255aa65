// npm run db:migrate: applies db/migrations to DATABASE_URL, or to the embedded database.
import { closeDb, getDb, usesEmbeddedDatabase } from '@/db';
import { migrateWithLock } from '@/db/migrate';
import { env } from '@/lib/env';

async function main() {
  if (usesEmbeddedDatabase()) {
    // Opening the embedded database applies pending migrations (and seeds an empty one).
    await getDb();
    console.log(`Embedded database in ${env.PGLITE_DIR} is up to date.`);
  } else {
    // Safe while app instances with MIGRATE_ON_START=1 start: they all take the same lock.
    const applied = await migrateWithLock(env.DATABASE_URL!, { log: console.log });
    console.log(applied.length ? `Migrations applied: ${applied.length}.` : 'The database is up to date.');
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
