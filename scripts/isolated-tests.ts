// npm run test:isolated: every race test (`itOnPostgres` in tests/integration) run alone, in a vitest
// process of its own, five times over, on the PostgreSQL server of DATABASE_URL. A race test must
// catch a broken guarantee without help from the tests before it in its file (a warm connection pool,
// data they left behind), so each run is the test alone; the script fails if any run fails, is
// skipped or finds no such test. One migrated, seeded template database serves every run.
// Flags: --runs=N (default 5); other arguments keep only the tests whose name contains one of them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';
import { createTemplateDatabase, dropDatabase } from '../tests/support/databases';

const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const FILTERS = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const TESTS_DIR = 'tests/integration';

type RaceTest = { file: string; name: string };

/** The race tests, read from the sources: `itOnPostgres('name', …)`. */
function raceTests(): RaceTest[] {
  const found: RaceTest[] = [];
  for (const entry of fs.readdirSync(TESTS_DIR).sort()) {
    if (!entry.endsWith('.test.ts')) continue;
    const file = path.join(TESTS_DIR, entry);
    const source = fs.readFileSync(file, 'utf8');
    for (const [, , name = ''] of source.matchAll(/itOnPostgres\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) {
      found.push({ file, name: name.replace(/\\(.)/g, '$1') });
    }
  }
  return found.filter((test) => FILTERS.length === 0 || FILTERS.some((filter) => test.name.includes(filter)));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Outcome = { passed: number; failed: number; skipped: number; output: string };

/** One vitest process running only this test; counts from its JSON report. */
function runAlone(test: RaceTest, template: string): Promise<Outcome> {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'encore-isolated-')), 'report.json');
  const args = [
    'node_modules/vitest/vitest.mjs',
    'run',
    test.file,
    '--testNamePattern',
    escapeRegExp(test.name),
    '--reporter=json',
    `--outputFile=${report}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, TEST_TEMPLATE_DATABASE: template },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      if (fs.existsSync(report)) {
        const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
          testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
        };
        for (const result of json.testResults.flatMap((file) => file.assertionResults)) {
          if (result.title !== test.name) continue;
          if (result.status === 'passed') counts.passed += 1;
          else if (result.status === 'failed') {
            counts.failed += 1;
            output += `\n${result.failureMessages.join('\n')}`;
          } else counts.skipped += 1;
        }
        fs.rmSync(path.dirname(report), { recursive: true, force: true });
      }
      resolve({ ...counts, output });
    });
  });
}

async function main() {
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl) {
    console.error('npm run test:isolated needs PostgreSQL: set DATABASE_URL (races cannot happen on PGlite).');
    process.exit(1);
  }
  const tests = raceTests();
  if (tests.length === 0) {
    console.error('No race test (itOnPostgres) matched.');
    process.exit(1);
  }
  console.log(`${tests.length} race tests, each alone ${RUNS} times, on PostgreSQL`);
  const template = await createTemplateDatabase(serverUrl);
  let passed = 0;
  let failed = 0;
  try {
    for (const test of tests) {
      for (let run = 1; run <= RUNS; run++) {
        const started = Date.now();
        const outcome = await runAlone(test, template);
        const ok = outcome.passed === 1 && outcome.failed === 0 && outcome.skipped === 0;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(`${ok ? '✓' : '✗'} ${test.file} > ${test.name} (run ${run}/${RUNS}, ${seconds} s)`);
        if (ok) {
          passed += 1;
        } else {
          failed += 1;
          const why = outcome.passed + outcome.failed + outcome.skipped === 0 ? 'not run' : 'failed or skipped';
          console.log(`  ${why}: passed ${outcome.passed}, failed ${outcome.failed}, skipped ${outcome.skipped}`);
          console.log(outcome.output.trim().split('\n').slice(-40).join('\n'));
        }
      }
    }
  } finally {
    await dropDatabase(serverUrl, template);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
