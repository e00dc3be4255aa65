// npx tsx --conditions=react-server scripts/bench-rentals-once.ts [--rentals 300] [--concurrency 10]
// The rental measurements of `npm run bench` alone, once: a scratch PostgreSQL database (created,
// migrated and seeded as scripts/bench.ts does it, dropped at the end), then scripts/bench-rentals.ts.
// Prints the results with the machine's load average; writes nothing.
import os from 'node:os';
import { env } from '@/lib/env';
import { measureRentals } from './bench-rentals';
import { createScratchDatabase, runScript } from './lib/databases';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};

async function main() {
  if (!env.DATABASE_URL)
    throw new Error('Set DATABASE_URL to a PostgreSQL server: the rental benchmark runs on PostgreSQL only.');
  const database = await createScratchDatabase(env.DATABASE_URL, 'encore_bench_rentals');
  try {
    const appEnv = { DATABASE_URL: database.url };
    await runScript('scripts/db-migrate.ts', [], appEnv);
    await runScript('scripts/db-seed.ts', [], appEnv);
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ');
    console.log(`Load average before: ${load()}`);
    const result = await measureRentals(database.url, {
      rentals: flag('rentals', 300),
      concurrency: flag('concurrency', 10),
    });
    console.log(JSON.stringify(result, null, 2));
    console.log(`Load average after: ${load()}`);
  } finally {
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
