import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import { env } from '@/lib/env';
import { runAllJobs } from '@/lib/jobs';
import { RETENTION_JOBS } from '@/lib/jobs/retention';
import { enqueueMail } from '@/lib/mail/mutations';
import { take } from '@/tests/support/lists';

vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/**
 * Retention: rate-limit counters, mail no longer waiting to be sent, abandoned guest carts and
 * anonymous visitors' events are deleted on a schedule once older than their configured age; what
 * is younger, still due, or an account's own stays.
 */

const RUN = Date.now().toString(36);
const saved = { RETAIN_MAIL_DAYS: env.RETAIN_MAIL_DAYS };
afterEach(() => {
  Object.assign(env, saved);
});

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const row = await queryRow<{ n: number }>(await getDb(), query);
  return row.n;
}

/** A mail in `status`, written `daysAgo` days ago. */
async function mailFrom(daysAgo: number, status: 'held' | 'sent' | 'queued' | 'failed' | 'cancelled' = 'sent') {
  const db = await getDb();
  const { id } = await enqueueMail(db, {
    to: `kept.${RUN}@example.com`,
    locale: 'en',
    template: 'welcome',
    data: { name: 'Ada' },
  });
  await db.execute(sql`update mail_outbox set status = ${status}::mail_status,
    created_at = now() - make_interval(days => ${daysAgo}) where id = ${id}`);
  return id;
}

async function productId(): Promise<number> {
  const row = await queryRow<{ id: number }>(await getDb(), sql`select id from products order by id limit 1`);
  return row.id;
}

async function visitorEvents(visitorId: string, daysAgo: number, n: number, userId: number | null = null) {
  const product = await productId();
  await (
    await getDb()
  ).execute(sql`insert into interaction_events (user_id, visitor_id, product_id, type, created_at)
    select ${userId}, ${visitorId}, ${product}, 'view', now() - make_interval(days => ${daysAgo}) from generate_series(1, ${n})`);
}

const eventsOf = (visitorId: string) =>
  count(sql`select count(*)::int as n from interaction_events where visitor_id = ${visitorId}`);

describe('retention', () => {
  it('runs with the store’s jobs and deletes only what is past its age', async () => {
    const db = await getDb();
    // Rate-limit counters: two days old go, an hour old stays.
    await db.execute(sql`insert into rate_limits (key, window_start, count)
      select 'retention:${sql.raw(RUN)}:' || i, now() - interval '2 days', 1 from generate_series(1, 3) i`);
    await db.execute(sql`insert into rate_limits (key, window_start, count)
      values (${`retention:${RUN}:now`}, now() - interval '1 hour', 1)`);
    // Mail: finished and older than 30 days goes; recent, or still waiting to be sent, stays.
    const oldSent = await mailFrom(40, 'sent');
    const oldHeld = await mailFrom(40, 'held');
    const oldCancelled = await mailFrom(40, 'cancelled');
    const oldQueued = await mailFrom(40, 'queued');
    const recent = await mailFrom(5, 'sent');
    // Carts: a guest cart untouched for 70 days goes; a recent one and an account's own stay.
    const shopper = await registerUser(
      { username: `keep${RUN}`, email: `keep.${RUN}@example.com`, password: 'a long enough passphrase' },
      'en',
    );
    if (!shopper.ok) throw new Error('not registered');
    const [oldGuest, newGuest, ownCart] = take(
      await queryRows<{ id: string }>(
        db,
        sql`insert into carts (user_id, updated_at) values
        (null, now() - interval '70 days'), (null, now() - interval '10 days'),
        (${shopper.userId}, now() - interval '400 days') returning id`,
      ),
      3,
      'cart',
    );
    // Events: an anonymous visitor's from 100 days ago go; recent ones and an account's stay.
    await visitorEvents(`old-${RUN}`, 100, 3);
    await visitorEvents(`new-${RUN}`, 10, 2);
    await visitorEvents(`own-${RUN}`, 400, 2, shopper.userId);

    const results = await runAllJobs();
    for (const job of ['prune-mail', 'prune-rate-limits', 'prune-guest-carts', 'prune-visitor-events']) {
      expect(results[job]).toBe('ok');
    }

    expect(await count(sql`select count(*)::int as n from rate_limits where key like ${`retention:${RUN}:%`}`)).toBe(1);
    const mails = await queryRows<{ id: number }>(
      db,
      sql`select id from mail_outbox where id in (${oldSent}, ${oldHeld}, ${oldCancelled}, ${oldQueued}, ${recent}) order by id`,
    );
    expect(mails.map((m) => m.id)).toEqual([oldQueued, recent]);
    const carts = await queryRows<{ id: string }>(
      db,
      sql`select id from carts where id in (${oldGuest.id}, ${newGuest.id}, ${ownCart.id})`,
    );
    expect(carts.map((c) => c.id).sort()).toEqual([newGuest.id, ownCart.id].sort());
    expect(await eventsOf(`old-${RUN}`)).toBe(0);
    expect(await eventsOf(`new-${RUN}`)).toBe(2);
    expect(await eventsOf(`own-${RUN}`)).toBe(2);
  });

  it('deletes in batches of bounded size until the backlog is gone', async () => {
    await visitorEvents(`backlog-${RUN}`, 200, 5);
    const job = RETENTION_JOBS.find((j) => j.name === 'prune-visitor-events')!;
    expect(await job.run({ batchSize: 2 })).toEqual({ deleted: 5, batches: 3, finished: true });
    expect(await eventsOf(`backlog-${RUN}`)).toBe(0);
    // Out of time after the first batch: it stops, and the next run goes on.
    await visitorEvents(`budget-${RUN}`, 200, 5);
    expect(await job.run({ batchSize: 2, budgetMs: -1 })).toEqual({ deleted: 2, batches: 1, finished: false });
    expect(await eventsOf(`budget-${RUN}`)).toBe(3);
    expect(await job.run({ batchSize: 2 })).toMatchObject({ deleted: 3, finished: true });
  });

  it('follows the configured age', async () => {
    const tenDays = await mailFrom(10);
    const fiveDays = await mailFrom(5);
    const job = RETENTION_JOBS.find((j) => j.name === 'prune-mail')!;
    await job.run();
    expect(await count(sql`select count(*)::int as n from mail_outbox where id in (${tenDays}, ${fiveDays})`)).toBe(2);
    env.RETAIN_MAIL_DAYS = 7;
    await job.run();
    const left = await queryRows<{ id: number }>(
      await getDb(),
      sql`select id from mail_outbox where id in (${tenDays}, ${fiveDays})`,
    );
    expect(left.map((m) => m.id)).toEqual([fiveDays]);
  });
});
