import { env } from './lib/env';
import { getDb, usesEmbeddedDatabase } from './db';
import { countPendingMigrations } from './db/migrate';
import { sendLargeStringsAsBuffers } from './lib/http/string-bodies';

/**
 * Server start: the environment is validated (importing lib/env does it), the database opened so
 * that the embedded one migrates and seeds before the first request rather than during it, and the
 * background jobs (lib/jobs: mail, unpaid orders, recommendations…) put on their timers. Large
 * response bodies are written as Buffers (lib/http/string-bodies.ts).
 */
export async function startServer({ jobs }: { jobs: boolean }): Promise<void> {
  sendLargeStringsAsBuffers();
  // Personal data is stored encrypted: without its key (ENCRYPTION_KEYS, required with DATABASE_URL
  // in production) refuse to start now rather than fail on the first sign-up or order.
  const { currentKeyId } = await import('./lib/security/encryption');
  currentKeyId();
  const db = await getDb();
  if (!usesEmbeddedDatabase()) {
    const pending = await countPendingMigrations(db);
    if (pending > 0)
      console.warn(`[encore] The database is missing ${pending} migration(s): run \`npm run db:migrate\`.`);
  }
  if (jobs) {
    const { startJobTimers } = await import('./lib/jobs');
    startJobTimers();
  }
  console.log(
    `[encore] Ready: ${env.DATABASE_URL ? 'PostgreSQL' : `embedded database in ${env.PGLITE_DIR}`}, currency ${env.STORE_CURRENCY}.`,
  );
}
