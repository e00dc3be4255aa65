import type { RentalSettings } from '@/lib/rentals/settings';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb, queryRow, queryRows } from '@/db';
import type { StaffUser } from '@/lib/audit/staff';
import { editions } from '@/lib/catalog/schema';
import { addCopies } from '@/lib/rentals/copies';
import { rentalCopies, rentals } from '@/lib/rentals/schema';
import { createTestEdition } from './commerce';
import { createTestUser } from './users';

/** The settings the rental tests give: a shop in Berlin renting for 7 or 14 days (the clock is each test's). */
export const BERLIN: RentalSettings = { periods: [7, 14], timeZone: 'Europe/Berlin' };

/** An instant written as ISO 8601, for the clocks the tests give. */
export const at = (iso: string) => new Date(iso);

/** Fixtures for the rental tests: a rentable edition with copies, and reads of their state. */

const RUN = randomUUID().slice(0, 6).toUpperCase();
let sequence = 0;

/** Copy codes no other test uses. */
export function copyCodes(count: number): string[] {
  sequence += 1;
  return Array.from({ length: count }, (_, i) => `T${RUN}-${sequence}-${i + 1}`);
}

let admin: Promise<StaffUser> | null = null;

/** The admin who works the rental desk in these tests (one per test file). */
export function deskAdmin(): Promise<StaffUser> {
  admin ??= createTestUser({ role: 'admin', prefix: 'desk' }).then(({ id }) => ({ id, role: 'admin' as const }));
  return admin;
}

/** A rentable CD edition (sale price 2999, 499 per period) with `copies` available copies. */
export async function createRentableEdition(options: { copies?: number; feeMinor?: number; priceMinor?: number } = {}) {
  const { copies = 1, feeMinor = 499, priceMinor = 2999 } = options;
  const { editionId } = await createTestEdition({ priceMinor, stock: 0 });
  const db = await getDb();
  await db.update(editions).set({ rentable: true, rentalPriceMinor: feeMinor }).where(eq(editions.id, editionId));
  const codes = copyCodes(copies);
  if (copies > 0) {
    const added = await addCopies(await deskAdmin(), { editionId, codes, now: new Date() });
    if (!added.ok) throw new Error(`Could not add copies: ${added.error}`);
  }
  return { editionId, codes };
}

export async function copyStatuses(editionId: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ status: rentalCopies.status })
    .from(rentalCopies)
    .where(eq(rentalCopies.editionId, editionId))
    .orderBy(rentalCopies.id);
  return rows.map((row) => row.status);
}

export async function rentalsOf(editionId: number) {
  const db = await getDb();
  return db.select().from(rentals).where(eq(rentals.editionId, editionId)).orderBy(rentals.id);
}

let orderSequence = 0;

/**
 * A paid demo-provider order that the rental `rentalId` belongs to (what checkout records for a
 * rental line: fee and deposit paid in one order), so that check-in has a payment to refund the
 * deposit from. The order's total is `totalMinor` (the fee plus the deposit, by default).
 */
export async function linkToPaidOrder(rentalId: number, options: { totalMinor?: number; status?: string } = {}) {
  const db = await getDb();
  const rental = await queryRow<{ fee: number; deposit: number; userId: number | null }>(
    db,
    sql`select fee_minor as fee, deposit_minor as deposit, user_id as "userId" from rentals where id = ${rentalId}`,
  );
  const total = options.totalMinor ?? rental.fee + rental.deposit;
  orderSequence += 1;
  const number = `EN-9${String(process.pid).slice(-4)}${Date.now().toString().slice(-5)}${orderSequence}`;
  const order = await queryRow<{ id: number }>(
    db,
    sql`insert into orders (number, user_id, email, status, currency, subtotal_minor, shipping_minor, tax_minor,
        total_minor, tax_inclusive, checkout_key, access_token_hash, payment_provider, payment_ref, expires_at, paid_at)
      values (${number}, ${rental.userId}, 'renter@example.com', ${options.status ?? 'paid'}, 'EUR', ${total}, 0, 0,
        ${total}, true, ${randomUUID()}, '', 'demo', ${`demo_${number}`}, now(), now())
      returning id`,
  );
  await db.execute(sql`update rentals set order_id = ${order.id} where id = ${rentalId}`);
  return { orderId: order.id, number };
}

/** The order's refunded amount and its refund rows (amount, reason, provider reference). */
export async function refundsOf(orderId: number) {
  const db = await getDb();
  const order = await queryRow<{ refunded: number; status: string }>(
    db,
    sql`select refunded_minor as refunded, status from orders where id = ${orderId}`,
  );
  const refunds = await queryRows<{ amount: number; reason: string | null; ref: string | null }>(
    db,
    sql`select amount_minor as amount, reason, provider_ref as ref from refunds where order_id = ${orderId} order by id`,
  );
  return { ...order, refunds };
}
