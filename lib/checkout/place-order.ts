import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, pick, type Transaction } from '@/db';
import { must } from '@/lib/must';
import type { SessionUser } from '@/lib/accounts/queries';
import { getAddress } from '@/lib/accounts/address-book';
import { addresses } from '@/lib/accounts/schema';
import { sealAddress } from '@/lib/accounts/sealed';
import { cartLines } from '@/lib/cart/schema';
import { fieldErrors } from '@/lib/accounts/validation';
import { getCartById } from '@/lib/rentals/cart';
import { env } from '@/lib/env';
import { recordOrderEvent } from '@/lib/orders/lifecycle';
import { orders } from '@/lib/orders/schema';
import { sealShipping } from '@/lib/orders/sealed';
import { blindIndexSql } from '@/lib/security/blind-index';
import { pricingConfig } from './config';
import { CheckoutAbort, readPricedLines, takeStock, writeOrderLines } from './order-lines';
import { paymentWindowMinutes } from './payment-window';
import { depositOf, readRentalLines, reserveRentalLines } from './rental-lines';
import { computeTotals, needsShipping, type ShippingMethod } from './pricing';
import { orderPath, startPayment } from './start-payment';
import { checkUnpaidLimits, unpaidHolders } from './unpaid-limits';
import { checkoutSchema } from './validation';

export type PlaceOrderResult =
  | {
      ok: true;
      orderId: number;
      number: string;
      redirectUrl: string;
      repeated: boolean;
      /** For cache invalidation: the products whose stock changed, and whether one sold out. */
      productSlugs: string[];
      soldOut: boolean;
    }
  | {
      ok: false;
      error:
        | 'invalid'
        | 'cartEmpty'
        | 'cartChanged'
        | 'outOfStock'
        | 'noCopyFree'
        | 'emailRequired'
        | 'addressRequired'
        | 'unpaidLimit'
        | 'unpaidLimitNetwork';
      fieldErrors?: Record<string, string>;
    };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: unknown };
  return e?.code === '23505' || (e?.cause ? isUniqueViolation(e.cause) : false);
}

/**
 * Places an order from a cart, all or nothing. In one transaction: the order row (its checkout key
 * is unique, so a repeated or concurrent submit of the same attempt finds the first order instead),
 * the stock of every edition — quantities summed per edition, then decremented by a conditional
 * UPDATE (`stock >= quantity`) in edition-id order so that concurrent buyers can neither oversell
 * nor deadlock — the lines with their titles, formats and prices frozen, the ledger rows, the
 * "placed" event, and the emptied cart. Each rental line gets its order line and a free copy reserved
 * (./rental-lines.ts): with no free copy the whole order is refused. The rental deposits are part of
 * the total, untaxed (./pricing.ts). Prices come from the database, never from the client.
 * Last, the caps on unpaid orders per visitor, email and client IP (`context.ip`, null when unknown:
 * one shared bucket) are checked under advisory locks (./unpaid-limits.ts); over a cap, nothing is
 * kept. Guest orders get the shorter guest payment window (./payment-window.ts).
 * After the commit the payment provider is asked for a payment page.
 * Long (~140 lines) on purpose: the checks before, then one transaction whose statements read in
 * the order they run; the steps on the cart's editions are in ./order-lines.ts.
 */
export async function placeOrder(
  rawInput: unknown,
  context: { user: SessionUser | null; cartId: string | null; locale: 'en' | 'zh'; ip: string | null },
): Promise<PlaceOrderResult> {
  const parsed = checkoutSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const db = await getDb();

  const existing = await findByCheckoutKey(input.checkoutKey, context.user);
  if (existing) return existing;
  if (!context.cartId) return { ok: false, error: 'cartEmpty' };
  const cartId = context.cartId;

  const cart = await getCartById(db, context.cartId);
  const problems = cart.lines.flatMap((line) => line.problems);
  if (cart.lines.length === 0 || problems.length > 0) {
    // A concurrent submit of this same attempt may have just placed the order and emptied the cart.
    const placed = await findByCheckoutKey(input.checkoutKey, context.user);
    if (placed) return placed;
    if (cart.lines.length === 0) return { ok: false, error: 'cartEmpty' };
    if (problems.some((p) => p === 'outOfStock' || p === 'notEnoughStock')) return { ok: false, error: 'outOfStock' };
    return { ok: false, error: problems.includes('noCopyFree') ? 'noCopyFree' : 'cartChanged' };
  }

  const email = context.user?.email ?? input.email;
  if (!email) return { ok: false, error: 'emailRequired', fieldErrors: { email: 'emailInvalid' } };
  const ships = needsShipping(
    cart.lines.map((l) => ({ unitPriceMinor: l.unitPriceMinor, quantity: l.quantity, digital: l.digital })),
  );
  const address = ships ? await resolveAddress(input, context.user) : null;
  if (ships && !address) return { ok: false, error: 'addressRequired', fieldErrors: { line1: 'required' } };
  const shippingMethod: ShippingMethod | null = ships ? (input.shippingMethod ?? 'standard') : null;

  // Purchases: quantities summed per edition (in case a cart holds an edition on several lines).
  // Rentals: one copy of an edition for a period each.
  const quantities = new Map<number, number>();
  for (const line of cart.lines) {
    if (line.kind === 'purchase') quantities.set(line.editionId, (quantities.get(line.editionId) ?? 0) + line.quantity);
  }
  const editionIds = Array.from(quantities.keys()).sort((a, b) => a - b);
  const rentalRequests = cart.lines.flatMap((line) =>
    line.kind === 'rental' ? [{ editionId: line.editionId, periodDays: line.rentalPeriodDays ?? 0 }] : [],
  );
  const now = new Date();
  const holders = unpaidHolders({ userId: context.user?.id ?? null, cartId: context.cartId, email, ip: context.ip });
  const provider = env.STRIPE_SECRET_KEY ? 'stripe' : 'demo';
  const paymentMinutes = paymentWindowMinutes(context.user === null, {
    orderPaymentMinutes: env.ORDER_PAYMENT_MINUTES,
    guestPaymentMinutes: env.ORDER_GUEST_PAYMENT_MINUTES,
    stripe: provider === 'stripe',
  });

  try {
    const order = await db.transaction(async (tx) => {
      const priced = await readPricedLines(tx, editionIds, quantities);
      const rented = await readRentalLines(tx, rentalRequests, now);
      const totals = computeTotals(
        [
          ...priced.map(({ edition, quantity }) => ({
            unitPriceMinor: edition.priceMinor,
            quantity,
            digital: edition.digital,
          })),
          ...rented.map(({ terms }) => ({ unitPriceMinor: terms.feeMinor, quantity: 1, digital: false })),
        ],
        shippingMethod,
        pricingConfig(),
        depositOf(rented),
      );

      // First the order row: a second submit of the same attempt stops here on the unique key.
      const { blindIndex, ...shipFields } = sealShipping(address);
      const [inserted] = await tx
        .insert(orders)
        .values({
          number: sql`'EN-' || nextval('order_number_seq')`,
          userId: context.user?.id ?? null,
          email: email.trim(),
          currency: env.STORE_CURRENCY,
          subtotalMinor: totals.subtotalMinor,
          shippingMinor: totals.shippingMinor,
          taxMinor: totals.taxMinor,
          depositMinor: totals.depositMinor,
          totalMinor: totals.totalMinor,
          taxInclusive: totals.taxInclusive,
          shippingMethod,
          ...shipFields,
          shipCountry: address?.country ?? null,
          blindIndex: blindIndexSql(blindIndex),
          locale: context.locale,
          checkoutKey: input.checkoutKey,
          accessTokenHash: '',
          paymentProvider: provider,
          expiresAt: sql`now() + make_interval(mins => ${paymentMinutes})`,
          holdVisitor: holders.visitor,
          holdEmail: holders.email,
          holdIp: holders.ip,
        })
        .returning({ id: orders.id, number: orders.number });
      const created = must(inserted, 'the inserted order');

      // Then the stock, edition by edition in id order, each decrement conditional on what is left;
      // then the lines and the ledger; then a free copy for each rental, or nothing at all.
      const soldOut = await takeStock(tx, priced);
      await writeOrderLines(tx, created.id, priced, context.user?.id ?? null);
      await reserveRentalLines(tx, { id: created.id, userId: context.user?.id ?? null }, rented, now);
      await recordOrderEvent(
        tx,
        created.id,
        'placed',
        { kind: 'customer', userId: context.user?.id ?? null },
        { totalMinor: totals.totalMinor },
      );
      if (context.user && input.saveAddress && input.address) await saveAddress(tx, context.user.id, input.address);
      await tx.delete(cartLines).where(eq(cartLines.cartId, cartId));
      // Last, so that the locks it takes are held for the shortest time (until this commit).
      const hit = await checkUnpaidLimits(tx, created.id, holders);
      if (hit) throw new CheckoutAbort(hit === 'ip' ? 'unpaidLimitNetwork' : 'unpaidLimit');
      const slugs = [...priced, ...rented].map(({ edition }) => edition.slug);
      return { ...created, soldOut, productSlugs: Array.from(new Set(slugs)) };
    });

    return {
      ok: true,
      orderId: order.id,
      number: order.number,
      redirectUrl: await startPayment(order.id),
      repeated: false,
      productSlugs: order.productSlugs,
      soldOut: order.soldOut,
    };
  } catch (error) {
    if (error instanceof CheckoutAbort) return { ok: false, error: error.code };
    if (isUniqueViolation(error)) {
      const first = await findByCheckoutKey(input.checkoutKey, context.user);
      if (first) return first;
    }
    throw error;
  }
}

/** The order an earlier submit of this checkout attempt created, for the same shopper. */
async function findByCheckoutKey(checkoutKey: string, user: SessionUser | null): Promise<PlaceOrderResult | null> {
  const db = await getDb();
  const [order] = await db
    .select(pick(orders, 'id number userId paymentUrl'))
    .from(orders)
    .where(eq(orders.checkoutKey, checkoutKey));
  if (!order || (order.userId !== null && order.userId !== user?.id)) return null;
  return {
    ok: true,
    orderId: order.id,
    number: order.number,
    redirectUrl: order.paymentUrl ?? orderPath(order.id, order.number),
    repeated: true,
    productSlugs: [],
    soldOut: false,
  };
}

/**
 * The form's address (parsed: nothing else) into the shopper's book, sealed; the first address of a
 * book is its default, whatever the form said (the subquery names its table outright).
 */
async function saveAddress(tx: Transaction, userId: number, address: NonNullable<CheckoutInput['address']>) {
  const saved = sealAddress({
    ...address,
    line2: address.line2 ?? null,
    region: address.region ?? null,
    phone: address.phone ?? null,
  });
  await tx.insert(addresses).values({
    userId,
    ...saved,
    blindIndex: blindIndexSql(saved.blindIndex),
    isDefault: sql`not exists (select 1 from addresses a where a.user_id = ${userId})`,
  });
}

type CheckoutInput = ReturnType<typeof checkoutSchema.parse>;

async function resolveAddress(input: ReturnType<typeof checkoutSchema.parse>, user: SessionUser | null) {
  if (input.addressId && user) return getAddress(user.id, input.addressId);
  return input.address ?? null;
}
