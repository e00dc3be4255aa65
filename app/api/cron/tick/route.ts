import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';
import { runAllJobs } from '@/lib/jobs';

// GET /api/cron/tick: runs the background jobs once, for hosts without long-lived processes
// (Vercel Cron, every minute). Requires `Authorization: Bearer $CRON_SECRET`; 404 when unset.
export const GET = route({}, async ({ request }) => {
  if (!env.CRON_SECRET) throw HttpError.of('notFound', 'not found');
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${env.CRON_SECRET}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw HttpError.of('unauthenticated', 'a valid Authorization: Bearer $CRON_SECRET is required');
  }
  return Response.json({ jobs: await runAllJobs() });
});
