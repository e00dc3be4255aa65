// Runs once when the server starts (https://nextjs.org/docs/app/guides/instrumentation).
// NEXT_RUNTIME and NEXT_PHASE are set by Next itself; checking the runtime keeps Node-only code out
// of the Edge bundle, and the phase tells `next build`'s workers (no jobs, no start-up checks, no
// migrations applied) from a server that is about to serve.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./instrumentation-node');
    await startServer({ serving: process.env.NEXT_PHASE !== 'phase-production-build' });
  }
}
