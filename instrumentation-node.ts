import { assertReadyForProduction, env } from './lib/env';
import { getDb, usesEmbeddedDatabase } from './db';
import { migrateWithLock, pendingMigrations } from './db/migrate';
import { sendLargeStringsAsBuffers } from './lib/http/string-bodies';

/**
 * Server start: the environment is validated (importing lib/env does it) and, in production, checked
 * for what a store must not serve without (lib/env.ts `productionProblems`: the process exits with
 * one sentence per missing variable); the database schema checked (pending migrations refuse the
 * start, or are applied with MIGRATE_ON_START); the database opened so that the embedded one
 * migrates and seeds before the first request rather than during it, and the background jobs
 * (lib/jobs: mail, unpaid orders, recommendations…) put on their timers. Large response bodies are
 * written as Buffers (lib/http/string-bodies.ts). `serving` is false in `next build`'s workers: no
 * jobs, no start-up checks, no migrations applied there.
 */
export async function startServer({ serving }: { serving: boolean }): Promise<void> {
  if (serving) refuseUnsafeProductionSettings();
  sendLargeStringsAsBuffers();
  // Personal data is stored encrypted: without its key (ENCRYPTION_KEYS, required with DATABASE_URL
  // in production) refuse to start now rather than fail on the first sign-up or order.
  const { currentKeyId } = await import('./lib/security/encryption');
  currentKeyId();
  if (!usesEmbeddedDatabase()) await requireCurrentSchema({ apply: serving && env.MIGRATE_ON_START });
  const db = await getDb();
  if (usesEmbeddedDatabase()) await (await import('./db/seed/auto')).loadDemoCatalogIfEmpty(db);
  if (serving) {
    const { startJobTimers } = await import('./lib/jobs');
    startJobTimers();
  }
  if (serving && env.NODE_ENV === 'production' && !env.SMTP_URL && !env.MAIL_DIR) {
    console.warn(
      '[encore] No SMTP_URL: mail is held in the outbox and never sent, so shoppers get no password reset links or order mails.',
    );
  }
  if (serving && env.TEST_CLOCK_FILE) {
    console.warn(`[encore] TEST_CLOCK_FILE is set: the rental clock is moved by ${env.TEST_CLOCK_FILE} (tests only).`);
  }
  console.log(
    `[encore] Ready: ${env.DATABASE_URL ? 'PostgreSQL' : `embedded database in ${env.PGLITE_DIR}`}, currency ${env.STORE_CURRENCY}` +
      `${env.STRIPE_SECRET_KEY ? '' : ', demo payments (nothing is charged)'}.`,
  );
}

/** A thrown error in the instrumentation hook would only be logged: the server must not serve at all. */
function refuseUnsafeProductionSettings(): void {
  try {
    assertReadyForProduction(env);
  } catch (error) {
    console.error(`[encore] ${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * A PostgreSQL database with migrations pending would serve pages and take orders against a schema
 * the code does not match: refuse to start, with what to do, unless MIGRATE_ON_START says to apply
 * them (one instance at a time, db/migrate.ts). The embedded database migrates itself when opened.
 */
async function requireCurrentSchema({ apply }: { apply: boolean }): Promise<void> {
  if (apply) {
    try {
      const applied = await migrateWithLock(env.DATABASE_URL!, { log: (line) => console.log(`[encore] ${line}`) });
      if (applied.length) console.log(`[encore] Applied ${applied.length} migration(s) at start (MIGRATE_ON_START).`);
    } catch (error) {
      console.error('[encore] Applying the migrations at start failed; the server will not start:', error);
      process.exit(1);
    }
  }
  const pending = await pendingMigrations(await getDb());
  if (pending.length === 0) return;
  console.error(
    `[encore] The database is missing ${pending.length} migration(s): ${pending.map((m) => m.tag).join(', ')}.\n` +
      '[encore] Refusing to start on an outdated schema. Run `npm run db:migrate`, or set MIGRATE_ON_START=1 to ' +
      'apply them when the server starts, then start again.',
  );
  process.exit(1);
}
