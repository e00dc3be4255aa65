import 'server-only';

/**
 * Background work that every app instance runs on a timer (mail delivery, expiring unpaid orders,
 * refreshing recommendations). Every job is safe to run on several instances at once (row claims
 * with FOR UPDATE SKIP LOCKED, conditional updates), so no leader election is needed. On serverless
 * hosts, where timers do not survive between requests, /api/cron/tick runs the same jobs.
 */
export type Job = { name: string; everySeconds: number; run: () => Promise<unknown> };

const jobs: Job[] = [];

export function registerJob(job: Job): void {
  if (!jobs.some((existing) => existing.name === job.name)) jobs.push(job);
}

/** Runs every registered job once (for the cron route and tests); a failing job does not stop the others. */
export async function runAllJobs(): Promise<Record<string, 'ok' | 'failed'>> {
  const results: Record<string, 'ok' | 'failed'> = {};
  for (const job of jobs) {
    try {
      await job.run();
      results[job.name] = 'ok';
    } catch (error) {
      console.error(`[encore] Job ${job.name} failed:`, error);
      results[job.name] = 'failed';
    }
  }
  return results;
}

/** Starts the timers (once per process). A run still in progress is not started twice. */
export function startJobTimers(): void {
  const globalForJobs = globalThis as unknown as { encoreJobsStarted?: boolean };
  if (globalForJobs.encoreJobsStarted) return;
  globalForJobs.encoreJobsStarted = true;
  for (const job of jobs) {
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await job.run();
      } catch (error) {
        console.error(`[encore] Job ${job.name} failed:`, error);
      } finally {
        running = false;
      }
    }, job.everySeconds * 1000);
    timer.unref();
  }
}
