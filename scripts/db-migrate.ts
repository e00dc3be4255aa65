// npm run db:migrate: applies db/migrations to DATABASE_URL, or to the embedded database.
import { closeDb, getDb, migrationsFolder, usesEmbeddedDatabase } from '@/db';
import { env } from '@/lib/env';

async function main() {
  if (usesEmbeddedDatabase()) {
    // Opening the embedded database applies pending migrations (and seeds an empty one).
    await getDb();
    console.log(`Embedded database in ${env.PGLITE_DIR} is up to date.`);
  } else {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const client = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    await migrate(drizzle(client), { migrationsFolder });
    await client.end();
    console.log('Migrations applied.');
  }
  await closeDb();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
