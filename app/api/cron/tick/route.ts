import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { runAllJobs } from '@/lib/jobs';

// GET /api/cron/tick: runs the background jobs once, for hosts without long-lived processes
// (Vercel Cron, every minute). Requires `Authorization: Bearer $CRON_SECRET`; 404 when unset.
export async function GET(request: Request) {
  if (!env.CRON_SECRET) return new Response('Not found', { status: 404 });
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return Response.json({ error: { message: 'unauthorized' } }, { status: 401 });
  }
  return Response.json({ jobs: await runAllJobs() });
}
