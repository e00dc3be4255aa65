// npm run demo: the newcomer's command. Builds the app when there is no build or the sources changed
// since the last one, then starts the production server on http://localhost:3000. Without
// DATABASE_URL the embedded database in .data/pglite is created, migrated and seeded on first use.
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { buildApp, hasBuild, run } from './lib/server';

const SOURCES = [
  'app',
  'components',
  'lib',
  'db',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'package.json',
];

function newestSourceTime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestSourceTime(path.join(entry, name))), stat.mtimeMs);
}

async function main() {
  const buildTime = hasBuild() ? fs.statSync(path.join('.next', 'BUILD_ID')).mtimeMs : 0;
  const sourcesTime = Math.max(...SOURCES.map(newestSourceTime));
  if (sourcesTime > buildTime) {
    console.log(
      buildTime ? 'Sources changed since the last build: rebuilding…' : 'Building Encore (first run: a minute or two)…',
    );
    await buildApp();
  }
  console.log(
    `Starting Encore on http://localhost:3000 (${env.DATABASE_URL ? 'PostgreSQL' : `embedded database in ${env.PGLITE_DIR}`}).`,
  );
  await run(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', '3000']);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
