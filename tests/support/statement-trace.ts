import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm';
import type { Database } from '@/db';

/**
 * Statement tracing for fault injection (./faults.ts), kept free of vitest so that scripts can open
 * test databases too: the test clients' drizzle logger (called just before each statement is sent)
 * counts the statements of an operation and throws at the k-th, and `db.transaction` is wrapped so
 * that each statement knows which transaction it ran in. Nothing happens unless a plan is armed.
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

class InjectedFault extends Error {}

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

/** Runs `run` with a plan armed: records its statements, and fails statement `failAt` (null: none). */
export async function traced(
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
