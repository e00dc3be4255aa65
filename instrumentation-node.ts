import { assertReadyForProduction, env } from './lib/env';
import { getDb, usesEmbeddedDatabase } from './db';
import { countPendingMigrations } from './db/migrate';
import { sendLargeStringsAsBuffers } from './lib/http/string-bodies';

/**
 * Server start: the environment is validated (importing lib/env does it) and, in production, checked
 * for what a store must not serve without (lib/env.ts `productionProblems`: the process exits with
 * one sentence per missing variable); the database opened so that the embedded one migrates and
 * seeds before the first request rather than during it, and the background jobs (lib/jobs: mail,
 * unpaid orders, recommendations…) put on their timers. Large response bodies are written as
 * Buffers (lib/http/string-bodies.ts).
 */
export async function startServer({ serving }: { serving: boolean }): Promise<void> {
  if (serving) refuseUnsafeProductionSettings();
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
  if (serving) {
    const { startJobTimers } = await import('./lib/jobs');
    startJobTimers();
  }
  if (serving && env.NODE_ENV === 'production' && !env.SMTP_URL && !env.MAIL_DIR) {
    console.warn(
      '[encore] No SMTP_URL: mail is held in the outbox and never sent, so shoppers get no password reset links or order mails.',
    );
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
