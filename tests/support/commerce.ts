import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb, queryRow } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';

/** Fixtures for cart and checkout tests: a fresh product and edition, carts with lines, inputs. */

let sequence = 0;

export async function createTestEdition(
  options: { stock?: number; priceMinor?: number; digital?: boolean; status?: 'active' | 'draft' | 'archived' } = {},
) {
  const { stock = 3, priceMinor = 1999, digital = false, status = 'active' } = options;
  const db = await getDb();
  sequence += 1;
  const slug = `test-item-${process.pid}-${Date.now().toString(36)}-${sequence}`;
  const product = await queryRow<{ id: number }>(
    db,
    sql`insert into products (slug, kind, title, status, release_date) values (${slug}, 'album', ${`Test Item ${sequence}`}, 'active', '2020-01-01') returning id`,
  );
  const edition = await queryRow<{ id: number }>(
    db,
    sql`insert into editions (product_id, sku, format, price_minor, stock, status, digital)
      values (${product.id}, ${slug.toUpperCase()}, ${digital ? 'digital_audio' : 'cd'}, ${priceMinor}, ${digital ? 0 : stock}, ${status}, ${digital})
      returning id`,
  );
  if (!digital && stock > 0) {
    await db.execute(
      sql`insert into stock_movements (edition_id, delta, reason) values (${edition.id}, ${stock}, 'initial')`,
    );
  }
  return { productId: product.id, editionId: edition.id, slug };
}

/** A cart with these lines; a rental line is one copy for `periodDays` (7 unless given). */
export async function createCart(
  lines: { editionId: number; quantity: number; kind?: 'purchase' | 'rental'; periodDays?: number }[],
  userId?: number,
) {
  const db = await getDb();
  const cart = await queryRow<{ id: string }>(
    db,
    sql`insert into carts (user_id) values (${userId ?? null}) returning id`,
  );
  for (const line of lines) {
    const rental = line.kind === 'rental';
    await db.execute(sql`insert into cart_lines (cart_id, edition_id, kind, quantity, price_seen_minor, rental_period_days)
      select ${cart.id}, id, ${line.kind ?? 'purchase'}, ${line.quantity},
        ${rental ? sql`rental_price_minor` : sql`price_minor`}, ${rental ? (line.periodDays ?? 7) : null}::int
      from editions where id = ${line.editionId}`);
  }
  return cart.id;
}

/**
 * A guest's checkout form. Each call has its own email address, so that tests placing many orders
 * stay under the cap on unpaid orders per email (tests of that cap pass one address on purpose).
 */
export function guestCheckout(overrides: Record<string, unknown> = {}) {
  return {
    checkoutKey: randomUUID(),
    email: `buyer.${randomUUID().slice(0, 8)}@example.com`,
    shippingMethod: 'standard',
    address: {
      fullName: 'Ada Buyer',
      line1: '1 Harbour Street',
      city: 'Portsmouth',
      postalCode: 'PO1 1AA',
      country: 'GB',
    },
    ...overrides,
  };
}

let ipSequence = 0;

/**
 * What the checkout action passes to placeOrder besides the form: the shopper, the cart and the
 * client's IP. Each call gets its own documentation-range address (RFC 5737) unless one is given,
 * so that only the tests of the per-IP cap share one.
 */
export function checkoutContext(
  cartId: string | null,
  options: { user?: SessionUser | null; ip?: string | null; locale?: 'en' | 'zh' } = {},
) {
  ipSequence += 1;
  return {
    user: options.user ?? null,
    cartId,
    locale: options.locale ?? ('en' as const),
    ip: options.ip === undefined ? `198.51.${(ipSequence >> 8) % 256}.${ipSequence % 256}` : options.ip,
  };
}

export async function stockOf(editionId: number): Promise<{ stock: number; ledger: number }> {
  const db = await getDb();
  return queryRow<{ stock: number; ledger: number }>(
    db,
    sql`select e.stock, coalesce((select sum(delta) from stock_movements m where m.edition_id = e.id), 0)::int as ledger
      from editions e where e.id = ${editionId}`,
  );
}

export async function countOrdersFor(editionId: number, status?: string): Promise<number> {
  const db = await getDb();
  const row = await queryRow<{ n: number }>(
    db,
    sql`select count(distinct o.id)::int as n from orders o join order_lines l on l.order_id = o.id
      where l.edition_id = ${editionId} ${status ? sql`and o.status = ${status}` : sql``}`,
  );
  return row.n;
}
