// npm run test:e2e: end-to-end tests in Chromium against a production build.
// Builds against a fresh database (a new Postgres database when DATABASE_URL is set, otherwise a new
// embedded one in .data/e2e-pglite), starts `next start`, runs tests/e2e, and cleans up.
// Flags: --no-build reuses the existing .next build (its prerendered pages must match the seed).
// Other arguments filter the spec files, e.g. `npm run test:e2e -- --no-build admin`.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { env } from '@/lib/env';
import { createScratchDatabase, runScript } from './lib/databases';
import { buildApp, hasBuild, run, startServer } from './lib/server';

const PORT = Number(process.argv.find((a) => a.startsWith('--port='))?.slice(7) ?? 3100);
const FILTERS = process.argv.slice(2).filter((a) => !a.startsWith('--'));

async function main() {
  const skipBuild = process.argv.includes('--no-build');
  let cleanup = async () => {};
  const appEnv: Record<string, string | undefined> = {
    SITE_URL: `http://localhost:${PORT}`,
    NODE_ENV: 'production',
    // Production mode on a PostgreSQL server needs a session key; a throwaway one is fine here.
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
    // …and a key for personal data (names, addresses, phone numbers are stored encrypted).
    ENCRYPTION_KEYS: env.ENCRYPTION_KEYS ?? `e2e:${randomBytes(32).toString('base64')}`,
  };
  if (env.DATABASE_URL) {
    const database = await createScratchDatabase(env.DATABASE_URL, 'encore_e2e');
    cleanup = database.drop;
    appEnv.DATABASE_URL = database.url;
    await runScript('scripts/db-migrate.ts', [], appEnv);
    await runScript('scripts/db-seed.ts', [], appEnv);
    // The same admin the embedded demo database gets, made the way a deployer would.
    await runScript('scripts/admin-create.ts', ['--email', 'admin@encore.test', '--username', 'admin'], {
      ...appEnv,
      ADMIN_PASSWORD: 'encore-admin-demo',
    });
  } else {
    const dir = '.data/e2e-pglite';
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.lock`, { force: true });
    appEnv.PGLITE_DIR = dir;
    appEnv.DATABASE_URL = '';
  }
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
        },
      );
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
