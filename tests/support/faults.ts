import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb, queryRows } from '@/db';
import { type Step, traced } from './statement-trace';

/**
 * Fault injection at every statement, with no seam in the application (./statement-trace.ts):
 * {@link expectAllOrNothing} fails an operation at each of its statements in turn, then checks that
 * a failing transaction left the database exactly as it was and that retrying completes the
 * operation once.
 */

/**
 * A digest of every table of the database (row count and an md5 of all rows), to compare a whole
 * database before and after: a difference names the tables that changed.
 */
export async function databaseDigest(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts = tables.map(
    ({ name }) =>
      sql`select ${name} as name, count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
        from ${sql.identifier(name)} t`,
  );
  const rows = await queryRows<{ name: string; digest: string }>(db, sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

/**
 * Proves an operation all-or-nothing at every step. First it runs once as written (`setup` then
 * `run`, then `check`), counting its statements; then for each statement k it sets up fresh data,
 * fails the operation at statement k and expects:
 * - when k is inside a transaction, the database exactly as it was before that transaction began
 *   (every table compared, so a write made outside it, or one that escaped its rollback, shows);
 * - `retry` (by default `run` again; it is told where the fault was) to complete the operation,
 *   and `check` to find it done exactly once.
 * Returns the statements of the successful run, so that a test can say which it covered.
 */
export async function expectAllOrNothing<F>(operation: {
  setup: () => Promise<F>;
  run: (fixture: F) => Promise<unknown>;
  check: (fixture: F) => Promise<void>;
  retry?: (fixture: F, failed: Step) => Promise<unknown>;
}): Promise<Step[]> {
  const first = await operation.setup();
  const counted = await traced(null, () => operation.run(first));
  if (counted.error) throw counted.error;
  await operation.check(first);
  const steps = counted.steps;
  expect(
    steps.some((step) => step.transaction !== null),
    'the operation runs a transaction',
  ).toBe(true);

  for (const step of steps) {
    const fixture = await operation.setup();
    let before: Record<string, string> | null = null;
    const failed = await traced(
      step.index,
      () => operation.run(fixture),
      async (index) => {
        if (index === step.transaction) before = await databaseDigest();
      },
    );
    const where = `fault at statement ${step.index} of ${steps.length} (${step.statement.slice(0, 100)})`;
    expect(failed.fired, `${where}: the operation took another path`).toBe(true);
    expect(failed.steps[step.index - 1]?.statement, where).toBe(step.statement);
    if (step.transaction !== null) {
      expect(before, where).not.toBeNull();
      expect(await databaseDigest(), `${where}: the transaction left changes behind`).toEqual(before);
    }
    await (operation.retry ?? ((f: F) => operation.run(f)))(fixture, step);
    await operation.check(fixture);
  }
  return steps;
}
