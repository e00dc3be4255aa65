import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as viewRoute } from '@/app/api/v1/events/view/route';
import { getDb, queryRow, queryRows } from '@/db';
import { checkViewLimits } from '@/lib/recommendations/view-limits';
import { issueVisitorId, readVisitorId, VISITOR_COOKIE } from '@/lib/recommendations/visitor';
import { pendingAfter as pending } from '../support/after';
import { requestContext } from '../support/request-context';
import { first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
// after() runs its work at once; the test awaits it through `pending`.
vi.mock('next/server', async (original) => (await import('../support/after')).deferredAfterMock(original));

beforeEach(() => requestContext.reset());

async function productIds(n: number): Promise<number[]> {
  const db = await getDb();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from products where status = 'active' order by id limit ${n}`,
  );
  return rows.map((r) => r.id);
}

async function viewsBy(visitorId: string): Promise<number> {
  const db = await getDb();
  const row = await queryRow<{ n: number }>(
    db,
    sql`select count(*)::int as n from interaction_events where visitor_id = ${visitorId} and type = 'view'`,
  );
  return row.n;
}

const beacon = (productId: number) =>
  viewRoute(
    new Request('http://localhost/api/v1/events/view', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productId }),
    }),
  );

describe('visitor ids and view events', () => {
  it('records no view for a made-up, unsigned or forged visitor id', async () => {
    const productId = first(await productIds(1));
    const genuine = issueVisitorId();
    const made = randomUUID();
    for (const cookie of [made, `${made}.${genuine.split('.')[1]}`, `${made}.AAAAAAAAAAAAAAAAAAAAAA`]) {
      requestContext.reset();
      requestContext.cookies.set(VISITOR_COOKIE, cookie);
      expect((await beacon(productId)).status).toBe(202);
    }
    await Promise.all(pending.splice(0));
    expect(await viewsBy(made)).toBe(0);

    requestContext.reset();
    requestContext.cookies.set(VISITOR_COOKIE, genuine);
    expect((await beacon(productId)).status).toBe(202);
    await Promise.all(pending.splice(0));
    expect(await viewsBy(readVisitorId(genuine)!)).toBe(1);
  });

  it('limits view beacons per visitor: 60 in ten minutes, then 429 with Retry-After', async () => {
    const products = await productIds(61);
    requestContext.cookies.set(VISITOR_COOKIE, issueVisitorId());
    const statuses: number[] = [];
    for (const productId of products) statuses.push((await beacon(productId)).status);
    await Promise.all(pending.splice(0));
    expect(statuses.slice(0, 60).every((s) => s === 202)).toBe(true);
    expect(statuses[60]).toBe(429);
    const refused = await beacon(first(products));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits view beacons per client address whatever visitor ids it presents', async () => {
    const ip = `203.0.113.${process.pid % 250}`;
    const results: boolean[] = [];
    for (let i = 0; i < 301; i++) {
      results.push((await checkViewLimits({ userId: null, visitorId: randomUUID() }, ip)).allowed);
    }
    expect(results.slice(0, 300).every(Boolean)).toBe(true);
    expect(results[300]).toBe(false);
    // Another address is not affected.
    expect((await checkViewLimits({ userId: null, visitorId: randomUUID() }, '198.51.100.77')).allowed).toBe(true);
  });
});
