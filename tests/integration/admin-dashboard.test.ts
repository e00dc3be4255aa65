import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import { getDashboard } from '@/lib/admin/dashboard/queries';
import type { DateRange } from '@/lib/admin/dashboard/range';
import { revenueCurrency } from '@/lib/admin/dashboard/revenue';
import { AuthError } from '@/lib/auth/session';
import { createTestEdition } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/*
 * A small known fixture in a range of its own (March 2001, long before anything else in the test
 * database), so every figure can be checked exactly.
 */
const RANGE: DateRange = { from: '2001-03-01', to: '2001-03-03', days: 3, preset: null };
const RUN = Date.now().toString(36);
let seq = 0;

type Line = { slug: string; title: string; format: string; unit: number; qty: number; digital?: boolean };

async function order(options: {
  status: string;
  total: number;
  refunded?: number;
  paidAt?: string | null;
  createdAt?: string;
  currency?: string;
  lines?: Line[];
  reviewReason?: string;
}) {
  seq += 1;
  const db = await getDb();
  const currency = options.currency ?? revenueCurrency();
  const row = await queryRow<{ id: number; number: string }>(
    db,
    sql`insert into orders (number, email, status, currency, subtotal_minor, shipping_minor, tax_minor, total_minor,
          refunded_minor, tax_inclusive, checkout_key, access_token_hash, payment_provider, expires_at, paid_at,
          created_at, review_reason)
        values ('EN-' || nextval('order_number_seq'), 'dash@example.com', ${options.status}, ${currency}, ${options.total},
          0, 0, ${options.total}, ${options.refunded ?? 0}, true, ${`dash-${RUN}-${seq}`}, '', 'demo', now(),
          ${options.paidAt ?? null}::timestamptz, ${options.createdAt ?? '2001-03-01T00:00:00Z'}::timestamptz,
          ${options.reviewReason ?? null})
        returning id, number`,
  );
  for (const line of options.lines ?? []) {
    await db.execute(sql`insert into order_lines (order_id, product_slug, title, format, digital, unit_price_minor, quantity, line_total_minor)
      values (${row.id}, ${line.slug}, ${line.title}, ${line.format}, ${line.digital ?? false}, ${line.unit}, ${line.qty}, ${line.unit * line.qty})`);
  }
  return row;
}

const P1 = { slug: `dash-p1-${RUN}`, title: 'Dashboard Album One' };
const P2 = { slug: `dash-p2-${RUN}`, title: 'Dashboard Album Two' };

let fixture: {
  waiting: string;
  digitalOnly: string;
  review: string;
  returnOrder: string;
};

beforeAll(async () => {
  // Day 1: a delivered order and a partly refunded paid one (paid at the last second of the day).
  const delivered = await order({
    status: 'delivered',
    total: 5000,
    paidAt: '2001-03-01T10:00:00Z',
    createdAt: '2001-03-01T09:55:00Z',
    lines: [
      { ...P1, format: 'cd', unit: 1500, qty: 2 },
      { ...P2, format: 'vinyl', unit: 2000, qty: 1 },
    ],
  });
  const waiting = await order({
    status: 'paid',
    total: 2500,
    refunded: 500,
    paidAt: '2001-03-01T23:59:59.999Z',
    createdAt: '2001-03-01T23:50:00Z',
    lines: [{ ...P1, format: 'cd', unit: 1250, qty: 2 }],
  });
  // Day 3, first instant: a shipped order.
  await order({
    status: 'shipped',
    total: 4000,
    paidAt: '2001-03-03T00:00:00Z',
    lines: [{ ...P2, format: 'vinyl', unit: 2000, qty: 2 }],
  });
  // Noise that must not count.
  const noise: Line[] = [{ slug: `dash-noise-${RUN}`, title: 'Noise', format: 'dvd', unit: 9999, qty: 1 }];
  await order({ status: 'cancelled', total: 9999, paidAt: '2001-03-01T12:00:00Z', lines: noise });
  await order({ status: 'refunded', total: 3000, refunded: 3000, paidAt: '2001-03-02T12:00:00Z', lines: noise });
  const review = await order({
    status: 'needs_review',
    total: 700,
    paidAt: '2001-03-02T12:00:00Z',
    createdAt: '2001-02-01T00:00:00Z',
    reviewReason: 'paid 600 USD, expected 700 USD',
    lines: noise,
  });
  await order({ status: 'delivered', total: 800, currency: 'XTS', paidAt: '2001-03-02T12:00:00Z', lines: noise });
  await order({ status: 'delivered', total: 900, paidAt: '2001-02-28T23:59:59.999Z', lines: noise });
  await order({ status: 'delivered', total: 1100, paidAt: '2001-03-04T00:00:00Z', lines: noise });
  await order({ status: 'pending_payment', total: 1200, lines: noise });
  // A paid order with only digital lines has nothing to ship.
  const digitalOnly = await order({
    status: 'paid',
    total: 999,
    paidAt: '2000-06-01T00:00:00Z',
    createdAt: '2000-06-01T00:00:00Z',
    lines: [
      { slug: `dash-digital-${RUN}`, title: 'Digital', format: 'digital_audio', unit: 999, qty: 1, digital: true },
    ],
  });
  const db = await getDb();
  await db.execute(sql`insert into returns (order_id, status, reason, created_at) values
    (${delivered.id}, 'requested', 'Scratched', '2001-03-05T00:00:00Z'),
    (${delivered.id}, 'rejected', 'Changed my mind', '2001-03-04T00:00:00Z')`);
  fixture = {
    waiting: waiting.number,
    digitalOnly: digitalOnly.number,
    review: review.number,
    returnOrder: delivered.number,
  };
});

let adminId: number;

beforeAll(async () => {
  const result = await registerUser(
    { username: `dashadmin_${RUN}`, email: `dashadmin.${RUN}@example.com`, password: 'correct horse battery staple' },
    'en',
  );
  if (!result.ok) throw new Error('could not create the admin');
  adminId = result.userId;
  const db = await getDb();
  await db.execute(sql`update users set role = 'admin' where id = ${adminId}`);
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(adminId);
});

describe('dashboard', () => {
  it('counts revenue and orders per UTC day, net of refunds, paid orders only', async () => {
    const dashboard = await getDashboard(RANGE);
    expect(dashboard.currency).toBe(revenueCurrency());
    expect(dashboard.series).toEqual([
      { day: '2001-03-01', orders: 2, revenueMinor: 5000 + 2500 - 500 },
      { day: '2001-03-02', orders: 0, revenueMinor: 0 },
      { day: '2001-03-03', orders: 1, revenueMinor: 4000 },
    ]);
    expect(dashboard.totals).toEqual({ orders: 3, revenueMinor: 11_000, averageOrderMinor: 3667 });
  });

  it('ranks products by revenue and by units, and formats, from the same orders', async () => {
    const dashboard = await getDashboard(RANGE);
    expect(dashboard.topProductsByRevenue).toEqual([
      { ...P2, units: 3, revenueMinor: 6000 },
      { ...P1, units: 4, revenueMinor: 5500 },
    ]);
    expect(dashboard.topProductsByUnits.map((row) => row.slug)).toEqual([P1.slug, P2.slug]);
    expect(dashboard.topFormats).toEqual([
      { format: 'vinyl', units: 3, revenueMinor: 6000 },
      { format: 'cd', units: 4, revenueMinor: 5500 },
    ]);
  });

  it('has one point per day and nothing else for a range without sales', async () => {
    const dashboard = await getDashboard({ from: '1999-01-01', to: '1999-01-07', days: 7, preset: 7 });
    expect(dashboard.series).toHaveLength(7);
    expect(dashboard.series.every((point) => point.orders === 0 && point.revenueMinor === 0)).toBe(true);
    expect(dashboard.totals).toEqual({ orders: 0, revenueMinor: 0, averageOrderMinor: null });
    expect(dashboard.topProductsByRevenue).toEqual([]);
    expect(dashboard.topFormats).toEqual([]);
  });

  it('lists the work queues oldest first', async () => {
    const dashboard = await getDashboard(RANGE);
    expect(dashboard.waitingToShip.items[0]).toMatchObject({ number: fixture.waiting, totalMinor: 2500 });
    expect(dashboard.waitingToShip.items.map((o) => o.number)).not.toContain(fixture.digitalOnly);
    expect(dashboard.needsReview.items[0]).toMatchObject({
      number: fixture.review,
      reviewReason: 'paid 600 USD, expected 700 USD',
    });
    expect(dashboard.openReturns.items[0]).toMatchObject({ orderNumber: fixture.returnOrder, status: 'requested' });
    expect(dashboard.openReturns.total).toBe(1);
    for (const queue of [dashboard.waitingToShip, dashboard.needsReview, dashboard.openReturns, dashboard.lowStock]) {
      expect(queue.total).toBeGreaterThanOrEqual(queue.items.length);
    }
  });

  it('lists active physical editions with 3 or fewer in stock, lowest first', async () => {
    const before = (await getDashboard(RANGE)).lowStock.total;
    const empty = await createTestEdition({ stock: 0 });
    await createTestEdition({ stock: 2 });
    await createTestEdition({ stock: 3 });
    await createTestEdition({ stock: 4 });
    await createTestEdition({ stock: 1, status: 'draft' });
    await createTestEdition({ digital: true });
    const { lowStock } = await getDashboard(RANGE);
    expect(lowStock.total).toBe(before + 3);
    const stocks = lowStock.items.map((item) => item.stock);
    expect(stocks).toEqual([...stocks].sort((a, b) => a - b));
    expect(stocks.every((stock) => stock <= 3)).toBe(true);
    if (lowStock.items.some((item) => item.editionId === empty.editionId)) {
      expect(lowStock.items.find((item) => item.editionId === empty.editionId)).toMatchObject({
        stock: 0,
        productSlug: empty.slug,
      });
    }
  });

  it('is for admins only', async () => {
    requestContext.reset();
    await expect(getDashboard(RANGE)).rejects.toThrow(AuthError);
  });
});
