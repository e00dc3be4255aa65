/**
 * A `next/server` whose `after()` starts its work at once and keeps the promise in `pendingAfter`, so a
 * test can await what a request left running (`await Promise.all(pendingAfter.splice(0))`). Use as
 * `vi.mock('next/server', async (original) => (await import('../support/after')).deferredAfterMock(original))`.
 */
export const pendingAfter: Promise<unknown>[] = [];

export async function deferredAfterMock(original: () => Promise<unknown>) {
  return {
    ...((await original()) as object),
    after: (fn: () => unknown) => void pendingAfter.push(Promise.resolve(fn())),
  };
}
