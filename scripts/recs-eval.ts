// npm run recs:eval -- --data <dir> [--json]
// Offline evaluation of the recommenders on MovieLens-format data (u.data + u.item, or
// ratings.dat + movies.dat): temporal 80/20 split of positive ratings (≥ 4), hyper-parameters
// tuned inside the training part only, full ranking, Recall/NDCG/HitRate@10 and coverage for
// popularity, collaborative, content and hybrid, plus a cold-start slice. Reads the data where it
// lies; research data sets are never copied into the project.
import fs from 'node:fs';
import path from 'node:path';
import {
  MODELS,
  parseMoviesDat,
  parseRatingsDat,
  parseUData,
  parseUItem,
  runOfflineEvaluation,
  type Movie,
  type OfflineReport,
  type Rating,
} from '@/lib/recommendations';

const USAGE = 'usage: recs-eval --data <dir with u.data + u.item, or ratings.dat + movies.dat> [--json]';

function parseArgs(argv: string[]): { data: string; json: boolean } {
  const args = argv.filter((a) => a !== '--');
  const json = args.includes('--json');
  const at = args.indexOf('--data');
  const data = at >= 0 ? args[at + 1] : undefined;
  const unknown = args.filter(
    (a, i) => a.startsWith('--') && !['--json', '--data'].includes(a) && args[i - 1] !== '--data',
  );
  if (!data || data.startsWith('--') || unknown.length)
    fail(unknown.length ? `unknown option ${unknown[0]}\n${USAGE}` : USAGE);
  return { data: data!, json };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** MovieLens files are Latin-1. */
function read(dir: string, name: string): string | undefined {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'latin1') : undefined;
}

function load(dir: string): { ratings: Rating[]; movies: Movie[]; format: string } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) fail(`no such directory: ${dir}`);
  const uData = read(dir, 'u.data');
  if (uData !== undefined) {
    const uItem = read(dir, 'u.item') ?? fail(`${dir} has u.data but no u.item`);
    return { ratings: parseUData(uData), movies: parseUItem(uItem), format: 'u.data + u.item' };
  }
  const ratingsDat = read(dir, 'ratings.dat');
  if (ratingsDat !== undefined) {
    const moviesDat = read(dir, 'movies.dat') ?? fail(`${dir} has ratings.dat but no movies.dat`);
    return {
      ratings: parseRatingsDat(ratingsDat),
      movies: parseMoviesDat(moviesDat),
      format: 'ratings.dat + movies.dat',
    };
  }
  return fail(`${dir} holds neither u.data nor ratings.dat\n${USAGE}`);
}

const fixed = (x: number) => x.toFixed(4);
const table = (header: string[], rows: string[][]) => {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
/** JSON has no Infinity: "no time decay" is written as the string "Infinity". */
const finite = (_key: string, value: unknown) => (value === Infinity ? 'Infinity' : value);

function printReport(report: OfflineReport, format: string, dir: string, totalMs: number) {
  const { data, tuning } = report;
  const out: string[] = [];
  out.push(`MovieLens data: ${dir} (${format})`);
  out.push(
    `${data.positives} positive ratings (≥ 4) of ${data.users} users on ${data.items} items; ` +
      `temporal split: ${data.train} train / ${data.test} test; full ranking, K = 10`,
    '',
  );
  out.push(
    table(
      ['model', 'Recall@10', 'NDCG@10', 'HitRate@10', 'Coverage@10', 'build ms'],
      MODELS.map((m) => {
        const r = report.models[m];
        return [m, fixed(r.recall), fixed(r.ndcg), fixed(r.hitRate), fixed(r.coverage), r.buildMs.toFixed(1)];
      }),
    ),
    '',
  );
  out.push(
    `Cold start: ${report.coldStart.users} users whose held-out items include ${report.coldStart.items} ` +
      'items without training history; ranking over all such items',
  );
  out.push(
    table(
      ['model', 'Recall@10', 'NDCG@10', 'HitRate@10', 'Coverage'],
      MODELS.map((m) => {
        const r = report.coldStart[m];
        return [m, fixed(r.recall), fixed(r.ndcg), fixed(r.hitRate), fixed(r.coverage)];
      }),
    ),
    '',
  );
  out.push(
    `Hyper-parameters chosen on a temporal validation split of the training data ` +
      `(${tuning.runs} runs, ${(tuning.ms / 1000).toFixed(1)} s):`,
  );
  for (const [model, params] of Object.entries(tuning.params)) {
    const validation = tuning.validation[model as keyof typeof tuning.validation];
    out.push(`  ${model.padEnd(13)} ${JSON.stringify(params, finite)}  (validation NDCG@10 ${fixed(validation)})`);
  }
  out.push('', `Total ${(totalMs / 1000).toFixed(1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}

const { data: dir, json } = parseArgs(process.argv.slice(2));
const started = performance.now();
const { ratings, movies, format } = load(dir);
const report = runOfflineEvaluation({ ratings, movies });
if (json) process.stdout.write(`${JSON.stringify(report, finite)}\n`);
else printReport(report, format, dir, performance.now() - started);
