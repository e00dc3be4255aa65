import 'server-only';

/** What a batched delete did: rows deleted, statements run, and whether it reached the end. */
export type BatchRun = { deleted: number; batches: number; finished: boolean };

export type BatchOptions = {
  /** Rows per statement (default 1,000): each statement locks only the rows it deletes, briefly. */
  batchSize?: number;
  /** Stop starting new batches after this long (default 30 s); the next run goes on from there. */
  budgetMs?: number;
};

/**
 * Deletes in batches: calls `deleteBatch(limit)`, which must delete at most `limit` rows in one
 * statement of its own (its own transaction) and return how many it deleted, until one deletes fewer
 * than `limit` or the time budget is spent. A big backlog is so worked off without one long
 * statement holding locks on a busy table or bloating one transaction.
 */
export async function deleteInBatches(
  deleteBatch: (limit: number) => Promise<number>,
  { batchSize = 1000, budgetMs = 30_000 }: BatchOptions = {},
): Promise<BatchRun> {
  const limit = Math.max(1, Math.floor(batchSize));
  const started = Date.now();
  let deleted = 0;
  let batches = 0;
  for (;;) {
    const count = await deleteBatch(limit);
    deleted += count;
    batches += 1;
    if (count < limit) return { deleted, batches, finished: true };
    if (Date.now() - started > budgetMs) return { deleted, batches, finished: false };
  }
}
