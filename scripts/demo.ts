// npm run demo: the newcomer's command. Builds the app when there is no build or the sources changed
// since the last one, then starts the production server on http://localhost:3000 (--port=N for another). Without
// DATABASE_URL it prepares the embedded database in .data/pglite (migrated, the demo catalog loaded
// into it when it is empty) and creates the demo accounts — the only place they are ever created. A production
// server refuses demo settings it was not given on purpose (lib/env.ts `productionProblems`), so this
// command gives them explicitly: the embedded database, demo payments, a session key kept in .data,
// and mail delivered as files into .data/mail.
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, getDb } from '@/db';
import { loadDemoCatalogIfEmpty } from '@/db/seed/auto';
import { DEMO_USERS, insertDemoUsers } from '@/db/seed/users';
import { authSecret } from '@/lib/security/auth-secret';
import { env } from '@/lib/env';
import { buildApp, type Env, hasBuild, run } from './lib/server';

const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'instrumentation-node.ts',
  'next.config.ts',
  'package.json',
];

const MAIL_DIR = '.data/mail';
/** `npm run demo -- --port=3100` when 3000 is taken. */
const PORT = Number(process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 3000);

function newestSourceTime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestSourceTime(path.join(entry, name))), stat.mtimeMs);
}

/** The settings the demo server runs with, on top of the caller's own. */
function demoSettings(): Env {
  return {
    ...(env.DATABASE_URL ? {} : { EMBEDDED_DATABASE: '1', NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? authSecret() }),
    ...(env.STRIPE_SECRET_KEY ? {} : { DEMO_PAYMENTS: '1' }),
    ...(env.SMTP_URL || env.MAIL_DIR ? {} : { MAIL_DIR }),
    // Links in mails and sign-in redirects point at the port it runs on, unless SITE_URL says otherwise.
    ...(env.SITE_URL === 'http://localhost:3000' ? { SITE_URL: `http://localhost:${PORT}` } : {}),
  };
}

/**
 * Migrates the embedded database, loads the demo catalog into it when it is empty and adds the demo
 * accounts. Before the build: `next build` prerenders the catalog pages from this database.
 */
async function prepareEmbeddedDemo(): Promise<void> {
  const db = await getDb();
  await loadDemoCatalogIfEmpty(db);
  await db.transaction((tx) => insertDemoUsers(tx));
  await closeDb();
  console.log(`Demo accounts: ${DEMO_USERS.map((u) => `${u.email} / ${u.password}`).join(', ')}.`);
}

async function main() {
  if (!Number.isInteger(PORT) || PORT < 1 || PORT > 65535) throw new Error('--port needs a port number.');
  const settings = demoSettings();
  if (!env.DATABASE_URL) await prepareEmbeddedDemo();
  const buildTime = hasBuild() ? fs.statSync(path.join('.next', 'BUILD_ID')).mtimeMs : 0;
  const sourcesTime = Math.max(...SOURCES.map(newestSourceTime));
  if (sourcesTime > buildTime) {
    console.log(
      buildTime ? 'Sources changed since the last build: rebuilding…' : 'Building Encore (first run: a minute or two)…',
    );
    await buildApp(settings);
  }
  console.log(
    `Starting Encore on http://localhost:${PORT} (${env.DATABASE_URL ? 'PostgreSQL' : `embedded database in ${env.PGLITE_DIR}`}` +
      `${settings.DEMO_PAYMENTS ? ', demo payments' : ''}).`,
  );
  if (settings.MAIL_DIR) console.log(`Mail the store sends is written to ${MAIL_DIR}/ as .eml files.`);
  await run(
    process.execPath,
    [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(PORT)],
    settings,
  );
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
