// npm run test:e2e: end-to-end tests in Chromium against a production build.
// Builds against a fresh database (a new Postgres database when DATABASE_URL is set, otherwise a new
// embedded one in .data/e2e-pglite), creates the admin the tests sign in with, starts `next start`,
// runs tests/e2e, and cleans up. Mail is delivered as .eml files into a fresh folder (MAIL_DIR), which
// the tests read their links from (tests/support/mail-folder.ts); TEST_CLOCK_FILE lets a test move the
// rental clock of the running server (lib/clock.ts).
// Flags: --no-build reuses the existing .next build (its prerendered pages must match the seed);
// --port=N serves on port N (default 3100).
// Other arguments filter the spec files, e.g. `npm run test:e2e -- --no-build admin`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';
import { createScratchDatabase, runScript } from './lib/databases';
import { buildApp, hasBuild, run, startServer, throwawayProductionEnv } from './lib/server';

const PORT = Number(process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 3100);
const FILTERS = process.argv.slice(2).filter((a) => !a.startsWith('--'));

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-e2e-mail-'));
  // The rental clock's offset (lib/clock.ts): tests/e2e/rentals.spec.ts moves the server's time past a due date.
  const clockFile = path.join(mailDir, '..', `${path.basename(mailDir)}-clock`);
  let cleanup = async () => {};
  // Production settings as a deployer would give them; SMTP off so that mail lands in MAIL_DIR.
  const appEnv = {
    ...throwawayProductionEnv(`http://localhost:${PORT}`, env),
    MAIL_DIR: mailDir,
    SMTP_URL: '',
    TEST_CLOCK_FILE: clockFile,
  };
  if (env.DATABASE_URL) {
    const database = await createScratchDatabase(env.DATABASE_URL, 'encore_e2e');
    cleanup = database.drop;
    Object.assign(appEnv, { DATABASE_URL: database.url });
    await runScript('scripts/db-migrate.ts', [], appEnv);
    await runScript('scripts/db-seed.ts', [], appEnv);
  } else {
    const dir = '.data/e2e-pglite';
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    Object.assign(appEnv, { PGLITE_DIR: dir, DATABASE_URL: '', EMBEDDED_DATABASE: '1' });
    // Opening the new embedded database migrates it and loads the demo catalog.
    await runScript('scripts/db-migrate.ts', [], appEnv);
  }
  // The demo admin's address and password, made the way a deployer makes an admin (the server never
  // creates accounts by itself).
  await runScript('scripts/admin-create.ts', ['--email', 'admin@encore.test', '--username', 'admin'], {
    ...appEnv,
    ADMIN_PASSWORD: 'encore-admin-demo',
  });
  try {
    if (!skipBuild || !hasBuild()) await buildApp(appEnv);
    const server = await startServer(PORT, appEnv);
    try {
      await run(
        process.execPath,
        ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.mts', ...FILTERS],
        {
          ...appEnv,
          E2E_BASE_URL: server.url,
          // For tests that watch the server process itself (tests/e2e/server.spec.ts: its memory).
          E2E_SERVER_PID: String(server.child.pid),
        },
      );
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
    fs.rmSync(mailDir, { recursive: true, force: true });
    fs.rmSync(clockFile, { force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
