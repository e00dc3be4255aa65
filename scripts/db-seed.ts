// npm run db:seed [-- --force] [--extra-products N]: loads the demo catalog (plus N generated
// products, for benchmarks), without any account one could sign in to. Refuses to touch a database
// that already holds products unless --force is given (which deletes the catalog first).
import { closeDb, getDb } from '@/db';
import { seedDemo, SeedRefusedError } from '@/db/seed';

async function main() {
  const force = process.argv.includes('--force');
  const extraIndex = process.argv.indexOf('--extra-products');
  const extraProducts = extraIndex >= 0 ? Number.parseInt(process.argv[extraIndex + 1] ?? '', 10) : 0;
  if (!Number.isInteger(extraProducts) || extraProducts < 0) throw new Error('--extra-products needs a whole number.');
  const db = await getDb();
  const started = Date.now();
  const summary = await seedDemo(db, {
    force,
    extraProducts,
    log: (line) => console.log(line),
  });
  console.log(
    `Seeded ${summary.products} products, ${summary.editions} editions, ${summary.tracks} tracks and ` +
      `${summary.people} people in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof SeedRefusedError || error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
