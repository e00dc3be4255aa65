// npm run keys:rotate [-- --batch-size 500] [-- --check] [-- --all]
// Re-encrypts every encrypted column (lib/security/encrypted-columns.ts) under the first key of
// ENCRYPTION_KEYS, in batches, and encrypts values still stored in plain text (rows written before
// encryption existed). Safe while the app runs, safe to interrupt and run again (it resumes: only
// rows that still need it are read), and a second run changes nothing. `--check` only counts what is
// left and exits with 1 when anything is; `--all` rewrites every value (e.g. to rebuild blind indexes).
// Works on DATABASE_URL, or on the embedded database when the server is not running.
import { closeDb, getDb } from '@/db';
import { countStaleRows, rotateEncryptionKeys, type RotationProgress } from '@/lib/security/rotate-keys';
import { currentKeyId } from '@/lib/security/encryption';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const tty = Boolean(process.stdout.isTTY);
let lastTable = '';
let lastTenth = -1;

/** One line per table, redrawn after each batch on a terminal; in a log, a line per 10 %. */
function draw({ table, rewritten, total }: RotationProgress) {
  const percent = total === 0 ? 100 : Math.floor((rewritten / total) * 100);
  const line = `  ${table.padEnd(14)} ${String(rewritten).padStart(8)} / ${total} rows  ${String(percent).padStart(3)}%`;
  if (table !== lastTable) lastTenth = -1;
  if (tty) {
    if (table !== lastTable && lastTable) process.stdout.write('\n');
    process.stdout.write(`\r${line}`);
  } else if (Math.floor(percent / 10) > lastTenth) {
    console.log(line);
    lastTenth = Math.floor(percent / 10);
  }
  lastTable = table;
}

async function main() {
  const db = await getDb();
  const keyId = currentKeyId();
  if (process.argv.includes('--check')) {
    const counts = await countStaleRows(db);
    for (const { table, rows } of counts) console.log(`  ${table.padEnd(14)} ${rows} rows not under key "${keyId}"`);
    const left = counts.reduce((sum, c) => sum + c.rows, 0);
    console.log(
      left === 0 ? `Everything is encrypted under key "${keyId}".` : `${left} rows need \`npm run keys:rotate\`.`,
    );
    process.exitCode = left === 0 ? 0 : 1;
    return;
  }
  const batchSize = Number(arg('batch-size') ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new Error('--batch-size must be a whole number from 1 to 10000');
  }
  console.log(`Re-encrypting personal data under key "${keyId}", ${batchSize} rows per batch…`);
  const started = Date.now();
  const summary = await rotateEncryptionKeys(db, { batchSize, all: process.argv.includes('--all'), onProgress: draw });
  if (tty && lastTable) process.stdout.write('\n');
  const rewritten = summary.tables.reduce((sum, t) => sum + t.rewritten, 0);
  const remaining = summary.tables.reduce((sum, t) => sum + t.remaining, 0);
  console.log(`Rewrote ${rewritten} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (remaining > 0) {
    console.log(
      `${remaining} rows were written under another key while this ran (an app instance still has an old key first?). ` +
        'Restart every instance with the new ENCRYPTION_KEYS and run this again.',
    );
    process.exitCode = 1;
  } else {
    console.log(`Everything is encrypted under key "${keyId}": keys after it in ENCRYPTION_KEYS can now be removed.`);
  }
}

main()
  .catch((error) => {
    if (tty && lastTable) process.stdout.write('\n');
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb().catch(() => {}));
