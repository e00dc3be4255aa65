import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { listAddresses } from '@/lib/accounts/address-book';
import { registerUser } from '@/lib/accounts/mutations';
import { addToCartAction, updateCartLineAction } from '@/lib/actions/cart';
import { getCurrentCart } from '@/lib/rentals/cart';
import { placeOrder } from '@/lib/checkout/place-order';
import { expireUnpaidOrders } from '@/lib/orders/lifecycle';
import { cancelOrderAsCustomer, payDemoOrder } from '@/lib/orders/mutations';
import { getOrderForViewer } from '@/lib/orders/queries';
import { authOptions } from '@/lib/api/auth-options';
import {
  countOrdersFor,
  createCart,
  createTestEdition,
  guestCheckout,
  stockOf,
  checkoutContext,
} from '../support/commerce';
import { itOnPostgres } from '../support/concurrency';
import { requestContext, signInAs } from '../support/request-context';
import { createTestShopper } from '../support/users';
import { at, first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());

const context = (cartId: string) => checkoutContext(cartId);

describe('placing orders under pressure', () => {
  itOnPostgres('sells the last 3 copies to exactly 3 of 50 concurrent buyers, 20 times over', async () => {
    for (let round = 0; round < 20; round++) {
      const { editionId } = await createTestEdition({ stock: 3 });
      const carts = await Promise.all(Array.from({ length: 50 }, () => createCart([{ editionId, quantity: 1 }])));
      const results = await Promise.all(carts.map((cartId) => placeOrder(guestCheckout(), context(cartId))));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'outOfStock')).toBe(true);
      expect(await stockOf(editionId)).toEqual({ stock: 0, ledger: 0 });
      expect(await countOrdersFor(editionId)).toBe(3);
    }
  });

  itOnPostgres('never oversells with concurrent mixed quantities', async () => {
    const { editionId } = await createTestEdition({ stock: 10 });
    const wants = [3, 4, 2, 5, 1, 3, 2, 4, 1, 2];
    const carts = await Promise.all(wants.map((quantity) => createCart([{ editionId, quantity }])));
    const results = await Promise.all(carts.map((cartId) => placeOrder(guestCheckout(), context(cartId))));
    const sold = results.reduce((n, r, i) => n + (r.ok ? at(wants, i) : 0), 0);
    const { stock, ledger } = await stockOf(editionId);
    expect(sold).toBeLessThanOrEqual(10);
    expect(stock).toBe(10 - sold);
    expect(ledger).toBe(stock);
  });

  it('turns the same checkout submitted twice into one order', async () => {
    const { editionId } = await createTestEdition({ stock: 5 });
    const cartId = await createCart([{ editionId, quantity: 2 }]);
    const input = guestCheckout();
    const first = await placeOrder(input, context(cartId));
    const again = await placeOrder(input, context(cartId));
    expect(first).toMatchObject({ ok: true, repeated: false });
    // The second answer leads to the same payment page.
    expect(again).toMatchObject({
      ok: true,
      repeated: true,
      number: first.ok ? first.number : '',
      redirectUrl: first.ok ? first.redirectUrl : '',
    });
    expect(await countOrdersFor(editionId)).toBe(1);
    expect((await stockOf(editionId)).stock).toBe(3);
  });

  itOnPostgres('turns the same checkout submitted 10 times at once into one order', async () => {
    const { editionId } = await createTestEdition({ stock: 5 });
    const cartId = await createCart([{ editionId, quantity: 2 }]);
    const input = guestCheckout();
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder(input, context(cartId))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => r.ok && r.number)).size).toBe(1);
    expect(await countOrdersFor(editionId)).toBe(1);
    expect((await stockOf(editionId)).stock).toBe(3);
  });

  itOnPostgres('gives stock back exactly once when two expiry sweeps run at once', async () => {
    const { editionId } = await createTestEdition({ stock: 3 });
    const cartId = await createCart([{ editionId, quantity: 2 }]);
    const placed = await placeOrder(guestCheckout(), context(cartId));
    expect(placed.ok).toBe(true);
    const db = await getDb();
    await db.execute(
      sql`update orders set expires_at = now() - interval '1 minute' where id = ${placed.ok ? placed.orderId : 0}`,
    );
    await Promise.all([expireUnpaidOrders(), expireUnpaidOrders(), expireUnpaidOrders()]);
    expect(await stockOf(editionId)).toEqual({ stock: 3, ledger: 3 });
    const order = await queryRow<{ status: string }>(
      db,
      sql`select status from orders where id = ${placed.ok ? placed.orderId : 0}`,
    );
    expect(order.status).toBe('cancelled');
  });
});

describe('bad input changes nothing', () => {
  it.each([0, -1, 1.5, '1e3', 2147483648, Number.NaN, '', 'abc', null, '0x10'])(
    'refuses quantity %j',
    async (quantity) => {
      const { editionId } = await createTestEdition({ stock: 5 });
      const result = await addToCartAction(editionId, quantity);
      expect(result.ok).toBe(false);
      expect((await getCurrentCart()).lines).toHaveLength(0);
    },
  );

  it('refuses unknown, draft, archived and digital editions (downloads cannot be delivered yet)', async () => {
    const draft = await createTestEdition({ status: 'draft' });
    const archived = await createTestEdition({ status: 'archived' });
    const digital = await createTestEdition({ digital: true });
    const refused = [999_999_999, draft.editionId, archived.editionId, digital.editionId, -5, '1; drop table editions'];
    for (const id of refused) {
      expect(await addToCartAction(id, 1)).toEqual({ ok: false, error: 'editionUnavailable' });
    }
  });

  it('caps quantities by stock and the line limit', async () => {
    const { editionId } = await createTestEdition({ stock: 4 });
    expect(await addToCartAction(editionId, 3)).toEqual({ ok: true, quantity: 3, capped: false });
    expect(await addToCartAction(editionId, 3)).toEqual({ ok: true, quantity: 4, capped: true });
    const line = first((await getCurrentCart()).lines, 'cart line');
    expect(await updateCartLineAction(line.id, 11)).toMatchObject({ ok: false });
    expect(await updateCartLineAction(line.id, 2)).toEqual({ ok: true, quantity: 2, capped: false });
  });

  it('ignores a price, total or currency sent by the client', async () => {
    const { editionId } = await createTestEdition({ stock: 2, priceMinor: 2500 });
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    const result = await placeOrder(
      guestCheckout({
        priceMinor: 1,
        totalMinor: 1,
        currency: 'JPY',
        unitPriceMinor: 1,
        lines: [{ editionId, price: 1 }],
      }),
      context(cartId),
    );
    expect(result.ok).toBe(true);
    const db = await getDb();
    const order = await queryRow<{ total: number; currency: string; unit: number }>(
      db,
      sql`select o.total_minor as total, o.currency, l.unit_price_minor as unit from orders o join order_lines l on l.order_id = o.id
        where o.id = ${result.ok ? result.orderId : 0}`,
    );
    expect(order.unit).toBe(2500);
    expect(order.currency).toBe('USD');
    expect(order.total).toBe(2500 + 499);
  });

  it('refuses to skip steps: no cart, no email, no address', async () => {
    const { editionId } = await createTestEdition({ stock: 2 });
    expect(await placeOrder(guestCheckout(), checkoutContext(null))).toMatchObject({
      ok: false,
      error: 'cartEmpty',
    });
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    expect(await placeOrder(guestCheckout({ email: undefined }), context(cartId))).toMatchObject({ ok: false });
    expect(await placeOrder(guestCheckout({ address: undefined }), context(cartId))).toMatchObject({
      ok: false,
      error: 'addressRequired',
    });
    expect(await placeOrder({ checkoutKey: 'not-a-uuid' }, context(cartId))).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect((await stockOf(editionId)).stock).toBe(2);
  });

  it('tells an empty cart, a sold-out item and a changed item apart, and takes nothing', async () => {
    const empty = await createCart([]);
    expect(await placeOrder(guestCheckout(), context(empty))).toEqual({ ok: false, error: 'cartEmpty' });

    const soldOut = await createTestEdition({ stock: 1 });
    const other = await createTestEdition({ stock: 5 });
    const soldOutCart = await createCart([
      { editionId: other.editionId, quantity: 1 },
      { editionId: soldOut.editionId, quantity: 1 },
    ]);
    await (await getDb()).execute(sql`update editions set stock = 0 where id = ${soldOut.editionId}`);
    expect(await placeOrder(guestCheckout(), context(soldOutCart))).toEqual({ ok: false, error: 'outOfStock' });

    const short = await createTestEdition({ stock: 2 });
    const shortCart = await createCart([{ editionId: short.editionId, quantity: 2 }]);
    await (await getDb()).execute(sql`update editions set stock = 1 where id = ${short.editionId}`);
    expect(await placeOrder(guestCheckout(), context(shortCart))).toEqual({ ok: false, error: 'outOfStock' });

    const repriced = await createTestEdition({ stock: 5, priceMinor: 1000 });
    const repricedCart = await createCart([{ editionId: repriced.editionId, quantity: 1 }]);
    await (await getDb()).execute(sql`update editions set price_minor = 1200 where id = ${repriced.editionId}`);
    expect(await placeOrder(guestCheckout(), context(repricedCart))).toEqual({ ok: false, error: 'cartChanged' });

    expect((await stockOf(other.editionId)).stock).toBe(5);
    expect((await stockOf(repriced.editionId)).stock).toBe(5);
    for (const editionId of [soldOut.editionId, other.editionId, short.editionId, repriced.editionId]) {
      expect(await countOrdersFor(editionId)).toBe(0);
    }
  });

  it('fails an order whose number is already taken without taking stock, and the next attempt goes through', async () => {
    const { editionId } = await createTestEdition({ stock: 3 });
    const db = await getDb();
    const earlier = await placeOrder(guestCheckout(), context(await createCart([{ editionId, quantity: 1 }])));
    if (!earlier.ok) throw new Error('not placed');
    // The number sequence handing out a number again (a restore from an older dump, say).
    const taken = Number(earlier.number.replace('EN-', ''));
    const next = await queryRow<{ n: string }>(db, sql`select last_value::text as n from order_number_seq`);
    await db.execute(sql`select setval('order_number_seq', ${taken - 1})`);
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    const input = guestCheckout();
    try {
      await expect(placeOrder(input, context(cartId))).rejects.toThrow();
    } finally {
      await db.execute(sql`select setval('order_number_seq', ${Number(next.n)})`);
    }
    expect(await stockOf(editionId)).toEqual({ stock: 2, ledger: 2 });
    expect(await countOrdersFor(editionId)).toBe(1);
    // Nothing was kept, the cart included: submitting again places the order.
    const again = await placeOrder(input, context(cartId));
    expect(again).toMatchObject({ ok: true, repeated: false });
    expect(await stockOf(editionId)).toEqual({ stock: 1, ledger: 1 });
  });

  it('saves the address to a signed-in shopper’s book when asked (the first one as default), never for a guest', async () => {
    const shopper = await createTestShopper({ prefix: 'saver' });
    const { editionId } = await createTestEdition({ stock: 5 });
    const address = {
      fullName: 'Grace Saver',
      line1: '12 Dock Road',
      line2: 'Flat 3',
      city: 'Bristol',
      region: 'Avon',
      postalCode: 'BS1 4AA',
      country: 'GB',
      phone: '+44 117 496 0000',
    };
    const cart = () => createCart([{ editionId, quantity: 1 }]);
    const unsaved = await placeOrder(
      { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', address },
      checkoutContext(await cart(), { user: shopper }),
    );
    expect(unsaved.ok).toBe(true);
    expect(await listAddresses(shopper.id)).toEqual([]);

    const saved = await placeOrder(
      { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', address, saveAddress: true },
      checkoutContext(await cart(), { user: shopper }),
    );
    expect(saved.ok).toBe(true);
    expect(await listAddresses(shopper.id)).toEqual([expect.objectContaining({ ...address, isDefault: true })]);

    const minimal = { fullName: 'Grace Saver', line1: '1 Quay', city: 'Bath', postalCode: 'BA1 1AA', country: 'GB' };
    expect(
      await placeOrder(
        { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', address: minimal, saveAddress: true },
        checkoutContext(await cart(), { user: shopper }),
      ),
    ).toMatchObject({ ok: true });
    const book = await listAddresses(shopper.id);
    expect(book).toHaveLength(2);
    expect(at(book, 1)).toMatchObject({ ...minimal, line2: null, region: null, phone: null, isDefault: false });

    // A guest ticking the box has no book: nothing is saved anywhere.
    const db = await getDb();
    const before = await queryRow<{ n: number }>(db, sql`select count(*)::int as n from addresses`);
    const guest = await placeOrder(
      guestCheckout({ saveAddress: true }),
      context(await createCart([{ editionId, quantity: 1 }])),
    );
    expect(guest.ok).toBe(true);
    expect(await queryRow<{ n: number }>(db, sql`select count(*)::int as n from addresses`)).toEqual(before);
  });

  it("never answers a repeated checkout key with another shopper's order", async () => {
    const shopper = await createTestShopper({ prefix: 'keyowner' });
    const { editionId } = await createTestEdition({ stock: 5 });
    const input = guestCheckout();
    const owned = await placeOrder(
      input,
      checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: shopper }),
    );
    if (!owned.ok) throw new Error('not placed');
    // The same key replayed by a guest, then by another account.
    const stranger = await createTestShopper({ prefix: 'keystranger' });
    for (const user of [null, stranger]) {
      const replay = await placeOrder(
        input,
        checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user }),
      ).catch((error: unknown) => error);
      expect(replay).not.toMatchObject({ orderId: owned.orderId });
      expect(replay).not.toMatchObject({ number: owned.number });
    }
    expect(await countOrdersFor(editionId)).toBe(1);
  });

  it("does not show or change another shopper's order by its number", async () => {
    const { editionId } = await createTestEdition({ stock: 2 });
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    const placed = await placeOrder(guestCheckout(), context(cartId));
    if (!placed.ok) throw new Error('order not placed');
    const stranger = await registerUser(
      {
        username: `stranger${Date.now() % 10000}`,
        email: `s${Date.now()}@example.com`,
        password: 'a stranger passphrase',
      },
      'en',
    );
    if (!stranger.ok) throw new Error('no user');
    await signInAs(stranger.userId);
    expect(await getOrderForViewer(placed.number, null)).toBeNull();
    expect(await getOrderForViewer(placed.number, 'wrong-key')).toBeNull();
    expect(await cancelOrderAsCustomer(placed.number, null)).toEqual({ ok: false, error: 'orderNotFound' });
    expect(await payDemoOrder(placed.number, null)).toEqual({ ok: false, error: 'orderNotFound' });
    expect((await stockOf(editionId)).stock).toBe(1);
  });
});

describe('guest carts and sign-in', () => {
  it('merges the guest cart into the account at sign-in, capped by stock, and starts a fresh one at sign-out', async () => {
    const a = await createTestEdition({ stock: 3 });
    const b = await createTestEdition({ stock: 10 });
    const user = await registerUser(
      {
        username: `merger${Date.now() % 10000}`,
        email: `m${Date.now()}@example.com`,
        password: 'a merging passphrase',
      },
      'en',
    );
    if (!user.ok) throw new Error('no user');
    await createCart([{ editionId: a.editionId, quantity: 2 }], user.userId);
    const guestCart = await createCart([
      { editionId: a.editionId, quantity: 2 },
      { editionId: b.editionId, quantity: 1 },
    ]);
    requestContext.cookies.set('encore_cart', guestCart);
    await authOptions.callbacks!.jwt!({
      token: {},
      user: { id: String(user.userId) },
      account: { provider: 'credentials', type: 'credentials', providerAccountId: String(user.userId) },
    } as never);
    expect(requestContext.cookies.has('encore_cart')).toBe(false);
    await signInAs(user.userId);
    const cart = await getCurrentCart();
    const quantities = Object.fromEntries(cart.lines.map((l) => [l.editionId, l.quantity]));
    expect(quantities).toEqual({ [a.editionId]: 3, [b.editionId]: 1 });
    const db = await getDb();
    const gone = await queryRow<{ n: number }>(db, sql`select count(*)::int as n from carts where id = ${guestCart}`);
    expect(gone.n).toBe(0);

    requestContext.cookies.set('encore_cart', '00000000-0000-4000-8000-000000000000');
    await authOptions.events!.signOut!({ token: {}, session: undefined as never });
    expect(requestContext.cookies.has('encore_cart')).toBe(false);
    requestContext.reset();
    expect((await getCurrentCart()).lines).toHaveLength(0);
  });
});

describe('paying and cancelling', () => {
  it('the demo provider goes through the fulfil function once; cancelling a paid order refunds it and restocks', async () => {
    const { editionId } = await createTestEdition({ stock: 5, priceMinor: 1000 });
    const cartId = await createCart([{ editionId, quantity: 2 }]);
    const placed = await placeOrder(guestCheckout(), context(cartId));
    if (!placed.ok) throw new Error('not placed');
    const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key');
    expect(placed.redirectUrl).toMatch(/^\/pay\/EN-\d+\?key=/);
    expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
    expect(await payDemoOrder(placed.number, key)).toEqual({ ok: false, error: 'cannotPay' });
    const db = await getDb();
    const events = await queryRows<{ type: string }>(
      db,
      sql`select type from order_events where order_id = ${placed.orderId} order by id`,
    );
    expect(events.map((e) => e.type)).toEqual(['placed', 'paid']);
    const mails = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from mail_outbox where dedupe_key = ${`order-paid:${placed.orderId}`}`,
    );
    expect(first(mails).n).toBe(1);
    const signals = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from interaction_events where order_id = ${placed.orderId}`,
    );
    expect(first(signals).n).toBe(1);
    expect((await stockOf(editionId)).stock).toBe(3);

    expect(await cancelOrderAsCustomer(placed.number, key)).toEqual({ ok: true });
    expect(await cancelOrderAsCustomer(placed.number, key)).toEqual({ ok: false, error: 'cannotCancel' });
    expect(await stockOf(editionId)).toEqual({ stock: 5, ledger: 5 });
    const order = await queryRow<{ status: string; refunded: number; total: number }>(
      db,
      sql`select status, refunded_minor as refunded, total_minor as total from orders where id = ${placed.orderId}`,
    );
    expect(order).toMatchObject({ status: 'cancelled' });
    expect(order.refunded).toBe(order.total);
  });

  itOnPostgres('fulfils an order once when Pay is pressed twice at the same moment', async () => {
    const { editionId } = await createTestEdition({ stock: 5, priceMinor: 1000 });
    const placed = await placeOrder(guestCheckout(), context(await createCart([{ editionId, quantity: 1 }])));
    if (!placed.ok) throw new Error('not placed');
    const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key');
    const pays = await Promise.all([1, 2, 3].map(() => payDemoOrder(placed.number, key)));
    // Each press either paid the order or found it paid already.
    expect(pays.filter((p) => p.ok).length).toBeGreaterThanOrEqual(1);
    expect(pays.filter((p) => !p.ok)).toEqual(pays.filter((p) => !p.ok).map(() => ({ ok: false, error: 'cannotPay' })));
    const db = await getDb();
    const events = await queryRows<{ type: string }>(
      db,
      sql`select type from order_events where order_id = ${placed.orderId} order by id`,
    );
    expect(events.map((e) => e.type)).toEqual(['placed', 'paid']);
    const mails = await queryRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from mail_outbox where dedupe_key = ${`order-paid:${placed.orderId}`}`,
    );
    expect(mails.n).toBe(1);
    expect(await stockOf(editionId)).toEqual({ stock: 4, ledger: 4 });
  });
});
