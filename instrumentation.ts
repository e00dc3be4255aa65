// Runs once when the server starts (https://nextjs.org/docs/app/guides/instrumentation).
// NEXT_RUNTIME is set by Next itself; checking it keeps Node-only code out of the Edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./instrumentation-node');
    await startServer();
  }
}
