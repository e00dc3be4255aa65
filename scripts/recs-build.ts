// npm run recs:build: recomputes the recommendation tables (neighbours, popularity, trends) from the
// interaction events and the catalog, with a progress bar. The running app also rebuilds by itself
// (the `rebuild-recommendations` job); both are safe together: a second rebuild waits for nothing
// and skips. Works on DATABASE_URL, or on the embedded database when the server is not running.
import { closeDb, getDb } from '@/db';
import { rebuildRecommendations, REBUILD_STAGES, type RebuildStage } from '@/lib/recommendations/rebuild';

const LABELS: Record<RebuildStage, string> = {
  events: 'Reading events',
  products: 'Reading the catalog',
  collaborative: 'Collaborative filtering',
  content: 'Content similarity',
  hybrid: 'Blending',
  popularity: 'Popularity and trends',
  write: 'Writing tables',
};

const WIDTH = 30;
const tty = Boolean(process.stdout.isTTY);
let lastLine = '';

/** One line per stage: a bar, the stage's percentage and the overall step (redrawn in place on a TTY). */
function draw(stage: RebuildStage, fraction: number) {
  const step = REBUILD_STAGES.indexOf(stage) + 1;
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
  const line = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${step}/${REBUILD_STAGES.length} ${LABELS[stage]}`;
  if (line === lastLine) return;
  lastLine = line;
  if (tty) process.stdout.write(`\r${line}${fraction >= 1 ? '\n' : ''}`);
  else if (fraction >= 1) console.log(line);
}

async function main() {
  const db = await getDb();
  const summary = await rebuildRecommendations(db, { onProgress: draw });
  if (!summary.ran) {
    console.log('Another rebuild is running (another instance or command); nothing to do.');
  } else {
    console.log(
      `Rebuilt from ${summary.events} events of ${summary.shoppers} shoppers over ${summary.products} products in ` +
        `${(summary.totalMs / 1000).toFixed(1)} s: neighbour lists for ${summary.rows.products} products ` +
        `(${summary.rows.collaborative} collaborative, ${summary.rows.content} content, ${summary.rows.hybrid} hybrid pairs), ` +
        `${summary.rows.scores} popularity scores.`,
    );
  }
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
