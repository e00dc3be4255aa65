import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Logger } from 'drizzle-orm';
import { expect } from 'vitest';
import { type Database, getDb, queryRows } from '@/db';

/**
 * Fault injection at every statement, with no seam in the application: the test clients' drizzle
 * logger (called just before each statement is sent) counts the statements of an operation and
 * throws at the k-th, and `db.transaction` is wrapped so that each statement knows which
 * transaction it ran in. {@link expectAllOrNothing} uses both: for k = 1…N it fails the operation
 * at statement k, then checks that a failing transaction left the database exactly as it was and
 * that retrying completes the operation once.
 */

/** One statement an operation sent: its SQL and the transaction it ran in (1, 2…), or null outside one. */
export type Step = { index: number; statement: string; transaction: number | null };

type Plan = {
  failAt: number | null;
  steps: Step[];
  transactions: number;
  fired: boolean;
  /** Called before transaction `index` begins (outside it), e.g. to take a snapshot. */
  beforeTransaction?: (index: number) => Promise<void>;
};

let plan: Plan | null = null;
const inTransaction = new AsyncLocalStorage<number>();
const untraced = new AsyncLocalStorage<true>();

export class InjectedFault extends Error {}

/** The test clients' logger (tests/support/databases.ts): does nothing unless a plan is armed. */
export const faultLogger: Logger = {
  logQuery(query) {
    if (!plan || untraced.getStore()) return;
    const step = { index: plan.steps.length + 1, statement: query, transaction: inTransaction.getStore() ?? null };
    plan.steps.push(step);
    if (step.index === plan.failAt) {
      plan.fired = true;
      throw new InjectedFault(`injected fault at statement ${step.index}: ${query.slice(0, 120)}`);
    }
  },
};

/** Wraps the test client's `transaction` so that the statements of each transaction are told apart. */
export function traceTransactions(db: Database): Database {
  const original = db.transaction.bind(db);
  db.transaction = (async (run, config) => {
    const current = plan;
    if (!current) return original(run, config);
    current.transactions += 1;
    const index = current.transactions;
    if (current.beforeTransaction) await untraced.run(true, () => current.beforeTransaction!(index));
    return original((tx) => inTransaction.run(index, () => run(tx)), config);
  }) as Database['transaction'];
  return db;
}

async function traced(
  failAt: number | null,
  run: () => Promise<unknown>,
  beforeTransaction?: Plan['beforeTransaction'],
) {
  const armed: Plan = { failAt, steps: [], transactions: 0, fired: false, beforeTransaction };
  plan = armed;
  let error: unknown = null;
  try {
    await run();
  } catch (caught) {
    error = caught;
  } finally {
    plan = null;
  }
  return { ...armed, error };
}

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
