import { sql } from 'drizzle-orm';
import { revalidateTag, updateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { adjustStockAction } from '@/lib/actions/admin/stock';
import * as hooks from '@/lib/orders/back-in-stock';
import { getEditionStock, listStockEditions, listStockMovements } from '@/lib/admin/stock/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { createCart, createTestEdition, guestCheckout, stockOf, checkoutContext } from '../support/commerce';
import { asOutsiders, requestContext, signInAs } from '../support/request-context';
import { itOnPostgres } from '../support/concurrency';
import { first } from '@/tests/support/lists';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));
vi.mock('@/lib/orders/back-in-stock', () => ({ afterRestock: vi.fn(async () => {}) }));

let adminId: number;
let customerId: number;

beforeAll(async () => {
  adminId = (await createTestUser({ role: 'admin', prefix: 'stk', displayName: 'Stock Keeper' })).id;
  customerId = (await createTestUser({ prefix: 'stc' })).id;
});

beforeEach(async () => {
  requestContext.reset();
  vi.mocked(hooks.afterRestock).mockClear();
  vi.mocked(updateTag).mockClear();
  vi.mocked(revalidateTag).mockClear();
  await signInAs(adminId);
});

const adjust = (editionId: number, delta: string, reason = 'restock', note = '') => {
  const data = new FormData();
  data.set('editionId', String(editionId));
  data.set('delta', delta);
  data.set('reason', reason);
  data.set('note', note);
  return adjustStockAction(null, data);
};

describe('stock adjustments', () => {
  it('applies a delta with a ledger row, an audit row and cache invalidation', async () => {
    const { editionId, slug } = await createTestEdition({ stock: 3 });
    expect(await adjust(editionId, '+12')).toEqual({ ok: true, stock: 15 });
    expect(await stockOf(editionId)).toEqual({ stock: 15, ledger: 15 });
    expect(updateTag).toHaveBeenCalledWith(`product:${slug}`);
    expect(revalidateTag).not.toHaveBeenCalled();
    expect(await adjust(editionId, '-2', 'damaged', 'Water damage')).toEqual({ ok: true, stock: 13 });
    expect(await adjust(editionId, '-3', 'correction', 'Counted 10 on the shelf')).toEqual({ ok: true, stock: 10 });
    const history = await listStockMovements(editionId, 1);
    expect(history.items.map((m) => [m.reason, m.delta, m.actorName, m.note])).toEqual([
      ['correction', -3, 'Stock Keeper', 'Counted 10 on the shelf'],
      ['damaged', -2, 'Stock Keeper', 'Water damage'],
      ['restock', 12, 'Stock Keeper', null],
      ['initial', 3, null, null],
    ]);
    const db = await getDb();
    const audits = await queryRows<{ before: { stock: number }; after: { stock: number; delta: number } }>(
      db,
      sql`select before, after from audit_log where action = 'stock.adjust' and entity_id = ${String(editionId)} order by id`,
    );
    expect(audits.map((a) => [a.before.stock, a.after.delta, a.after.stock])).toEqual([
      [3, 12, 15],
      [15, -2, 13],
      [13, -3, 10],
    ]);
  });

  itOnPostgres('never loses a sale made while the form was open', async () => {
    for (let round = 0; round < 10; round++) {
      const { editionId } = await createTestEdition({ stock: 5 });
      const carts = await Promise.all([1, 2].map((quantity) => createCart([{ editionId, quantity }])));
      const [adjusted, ...orders] = await Promise.all([
        adjust(editionId, '+10'),
        ...carts.map((cartId) => placeOrder(guestCheckout(), checkoutContext(cartId))),
      ]);
      expect(adjusted).toMatchObject({ ok: true });
      expect(orders.every((o) => o.ok)).toBe(true);
      expect(await stockOf(editionId)).toEqual({ stock: 12, ledger: 12 });
    }
  });

  it('refuses to go below zero, even racing a sale, and saves nothing', async () => {
    const { editionId } = await createTestEdition({ stock: 4 });
    expect(await adjust(editionId, '-5', 'damaged')).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { delta: 'belowZero' },
    });
    expect(await stockOf(editionId)).toEqual({ stock: 4, ledger: 4 });
    for (let round = 0; round < 5; round++) {
      const edition = await createTestEdition({ stock: 3 });
      const cartId = await createCart([{ editionId: edition.editionId, quantity: 2 }]);
      const [adjusted, order] = await Promise.all([
        adjust(edition.editionId, '-3', 'damaged'),
        placeOrder(guestCheckout(), checkoutContext(cartId)),
      ]);
      // Exactly one of them fits; the stock never goes negative and the ledger agrees.
      expect(Number(adjusted.ok) + Number(order.ok)).toBe(1);
      const { stock, ledger } = await stockOf(edition.editionId);
      expect(stock).toBe(adjusted.ok ? 0 : 1);
      expect(ledger).toBe(stock);
    }
  });

  it('answers bad input with field errors', async () => {
    const { editionId } = await createTestEdition({ stock: 4 });
    expect(await adjust(editionId, '-2', 'restock')).toMatchObject({ fieldErrors: { delta: 'restockPositive' } });
    expect(await adjust(editionId, '+2', 'damaged')).toMatchObject({ fieldErrors: { delta: 'damagedNegative' } });
    expect(await adjust(editionId, '+2', 'correction', '')).toMatchObject({ fieldErrors: { note: 'noteRequired' } });
    expect(await adjust(editionId, '0')).toMatchObject({ fieldErrors: { delta: 'deltaZero' } });
    expect(await adjust(editionId, '1.5')).toMatchObject({ fieldErrors: { delta: 'deltaInvalid' } });
    expect(await adjust(editionId, '+999999')).toMatchObject({ fieldErrors: { delta: 'deltaTooLarge' } });
    expect(await adjust(editionId, '+1', 'initial')).toMatchObject({ fieldErrors: { reason: 'reasonRequired' } });
    expect(await adjust(999_999_999, '+1')).toMatchObject({ ok: false, error: 'editionNotFound' });
    const digital = await createTestEdition({ digital: true });
    expect(await adjust(digital.editionId, '+1')).toMatchObject({ fieldErrors: { delta: 'digitalEdition' } });
    expect(await stockOf(editionId)).toEqual({ stock: 4, ledger: 4 });
  });

  it('calls the back-in-stock hook when a sold-out edition comes back, and refreshes the lists', async () => {
    const { editionId } = await createTestEdition({ stock: 1 });
    expect(await adjust(editionId, '+3')).toMatchObject({ ok: true });
    expect(hooks.afterRestock).not.toHaveBeenCalled();
    expect(await adjust(editionId, '-4', 'correction', 'Stock take')).toMatchObject({ ok: true, stock: 0 });
    expect(revalidateTag).toHaveBeenCalledTimes(1);
    expect(await adjust(editionId, '+2')).toMatchObject({ ok: true, stock: 2 });
    expect(hooks.afterRestock).toHaveBeenCalledTimes(1);
    expect(first(vi.mocked(hooks.afterRestock).mock.calls)[1]).toBe(editionId);
    expect(revalidateTag).toHaveBeenCalledTimes(2);
  });

  it('lists and shows stock to admins only', async () => {
    const { editionId } = await createTestEdition({ stock: 0 });
    const out = await listStockEditions({ q: '', filter: 'out', page: 1 });
    expect(out.items.every((e) => e.stock === 0)).toBe(true);
    const edition = await getEditionStock(editionId);
    expect(edition).toMatchObject({ stock: 0, ledgerTotal: 0 });
    const found = await listStockEditions({ q: edition!.sku.toLowerCase(), filter: 'all', page: 1 });
    expect(found.items.map((e) => e.editionId)).toEqual([editionId]);
    await createTestEdition({ stock: 7 });
    const byStock = await listStockEditions({ q: '', filter: 'all', page: 1, sort: { key: 'stock', dir: 'desc' } });
    const stocks = byStock.items.map((e) => e.stock);
    expect(stocks.length).toBeGreaterThan(1);
    expect(stocks).toEqual([...stocks].sort((a, b) => b - a));
    const byDefault = (await listStockEditions({ q: '', filter: 'all', page: 1 })).items.map((e) => e.stock);
    expect(byDefault).toEqual([...byDefault].sort((a, b) => a - b));
    await asOutsiders(customerId, async (expected) => {
      expect(await adjust(editionId, '+5')).toEqual({ ok: false, error: expected });
      await expect(getEditionStock(editionId)).rejects.toThrow();
      await expect(listStockMovements(editionId, 1)).rejects.toThrow();
    });
    expect(await stockOf(editionId)).toEqual({ stock: 0, ledger: 0 });
  });
});
