import 'server-only';
import { and, asc, count, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { getDb, pick } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { pageWithin, type Page } from '@/lib/admin/paging';
import { iso } from '@/lib/admin/timestamps';
import { requireAdmin } from '@/lib/auth/session';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { orders } from '@/lib/orders/schema';
import { daysLate, dueDate, lateFeeMinor } from '@/lib/rentals/amounts';
import { PAID_ORDER_STATUSES } from '@/lib/rentals/deposit';
import { daysBetween, localDate } from '@/lib/rentals/local-days';
import {
  type RentalCopyGrade,
  type RentalCopyStatus,
  rentalCopies,
  rentalCopyStatus,
  rentals,
} from '@/lib/rentals/schema';

/**
 * What the rental desk (/admin/rentals) reads: the rentals to dispatch (reserved, their order paid),
 * the copies out with their due date and the late fee so far, the rentable editions with their
 * copies, and a summary. Admins only (checked here as well as by the pages). Dates are the shop's
 * local dates (SHOP_TIME_ZONE), as the due rule in amounts.ts counts them.
 */

export const DESK_PAGE_SIZE = 50;

/** The columns every desk row shows: the rental, its order and customer, the title and the copy. */
const rentalFields = {
  rentalId: rentals.id,
  ...pick(rentals, 'periodDays feeMinor depositMinor lateFeePerDayMinor'),
  orderNumber: orders.number,
  currency: orders.currency,
  email: orders.email,
  displayName: users.displayName,
  username: users.username,
  productTitle: products.title,
  ...pick(editions, 'format sku'),
  editionName: editions.name,
  code: rentalCopies.code,
  reservedAt: rentals.createdAt,
  dispatchedAt: rentals.dispatchedAt,
  dueAt: rentals.dueAt,
};

type RentalRow = {
  rentalId: number;
  periodDays: number;
  feeMinor: number;
  depositMinor: number;
  lateFeePerDayMinor: number;
  orderNumber: string | null;
  currency: string;
  customer: string | null;
  productTitle: string;
  format: string;
  editionName: string | null;
  sku: string;
  code: string;
};

export type DispatchRow = RentalRow & { reservedAt: string };
export type OutRow = RentalRow & {
  dispatchedAt: string;
  /** The local date the copy is due back by (YYYY-MM-DD). */
  dueDate: string;
  daysLeft: number;
  daysLate: number;
  lateFeeSoFarMinor: number;
};

/** The desk's rentals: from `rentals`, joined to the copy, edition, product, order (may be missing) and user. */
async function rentalRows(where: SQL | undefined, order: SQL[], page: number) {
  const db = await getDb();
  const base = db
    .select(rentalFields)
    .from(rentals)
    .innerJoin(rentalCopies, eq(rentalCopies.id, rentals.copyId))
    .innerJoin(editions, eq(editions.id, rentals.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(orders, eq(orders.id, rentals.orderId))
    .leftJoin(users, eq(users.id, rentals.userId));
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(rentals)
    .leftJoin(orders, eq(orders.id, rentals.orderId))
    .where(where);
  const { page: shown, pageCount } = pageWithin(total, page, DESK_PAGE_SIZE);
  const rows = await base
    .where(where)
    .orderBy(...order)
    .limit(DESK_PAGE_SIZE)
    .offset((shown - 1) * DESK_PAGE_SIZE);
  return { rows, total, page: shown, pageCount };
}

/** A joined row as drizzle gives it (order and user may be missing). */
type Joined = Omit<RentalRow, 'customer' | 'currency'> & {
  currency: string | null;
  email: string | null;
  displayName: string | null;
  username: string | null;
};

/** A desk row from a joined row: the customer named (account name, else the order's email). */
function deskRow(r: Joined): RentalRow {
  return {
    rentalId: r.rentalId,
    periodDays: r.periodDays,
    feeMinor: r.feeMinor,
    depositMinor: r.depositMinor,
    lateFeePerDayMinor: r.lateFeePerDayMinor,
    orderNumber: r.orderNumber,
    currency: r.currency ?? env.STORE_CURRENCY,
    customer: nameOrUsername(r.displayName, r.username) ?? r.email,
    productTitle: r.productTitle,
    format: r.format,
    editionName: r.editionName,
    sku: r.sku,
    code: r.code,
  };
}

/** A rental waits for dispatch while it is reserved and its order is paid (or shipped, delivered). */
const toDispatch = and(eq(rentals.status, 'reserved'), inArray(orders.status, [...PAID_ORDER_STATUSES]));

/** Rentals to send: reserved, their order paid; oldest first (first paid, first sent). */
export async function listToDispatch(page = 1): Promise<Page<DispatchRow>> {
  await requireAdmin();
  const list = await rentalRows(toDispatch, [asc(rentals.createdAt), asc(rentals.id)], page);
  return { ...list, items: list.rows.map((row) => ({ ...deskRow(row), reservedAt: iso(row.reservedAt) })) };
}

/**
 * Copies with shoppers: due date, days left or late, and the late fee so far (capped at the
 * deposit, as check-in will charge it); soonest due first. `overdue` keeps those past their due date.
 */
export async function listOut(options: { overdue: boolean; page?: number; now: Date }): Promise<Page<OutRow>> {
  await requireAdmin();
  const { now } = options;
  const timeZone = env.SHOP_TIME_ZONE;
  const where = and(eq(rentals.status, 'out'), options.overdue ? lte(rentals.dueAt, now) : undefined);
  const list = await rentalRows(where, [asc(rentals.dueAt), asc(rentals.id)], options.page ?? 1);
  const items = list.rows.map((row) => {
    const due = new Date(iso(row.dueAt));
    const late = daysLate(due, now, timeZone);
    const byDate = dueDate(due, timeZone);
    return {
      ...deskRow(row),
      dispatchedAt: iso(row.dispatchedAt),
      dueDate: byDate,
      daysLeft: late > 0 ? 0 : Math.max(0, daysBetween(localDate(now, timeZone), byDate)),
      daysLate: late,
      lateFeeSoFarMinor: lateFeeMinor(late, row.lateFeePerDayMinor, row.depositMinor),
    };
  });
  return { ...list, items };
}

/** How many rentals each tab of the desk holds. */
export async function deskCounts(now: Date): Promise<{ dispatch: number; out: number; overdue: number }> {
  await requireAdmin();
  const db = await getDb();
  const [row] = await db
    .select({
      dispatch: sql<number>`count(*) filter (where ${toDispatch})`.mapWith(Number),
      out: sql<number>`count(*) filter (where ${rentals.status} = 'out')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${rentals.status} = 'out' and ${lte(rentals.dueAt, now)})`.mapWith(
        Number,
      ),
    })
    .from(rentals)
    .leftJoin(orders, eq(orders.id, rentals.orderId));
  return row ?? { dispatch: 0, out: 0, overdue: 0 };
}

export type RentalEditionRow = {
  editionId: number;
  productTitle: string;
  format: string;
  editionName: string | null;
  sku: string;
  rentalPriceMinor: number | null;
  copies: Record<RentalCopyStatus, number>;
  /** Rentals that went out (out or returned), the fees they paid and the late fees and damage kept. */
  usage: { rentals: number; feesMinor: number; lateFeesMinor: number; damageMinor: number };
};

const noCopies = () =>
  Object.fromEntries(rentalCopyStatus.enumValues.map((status) => [status, 0])) as Record<RentalCopyStatus, number>;

/** The rentable physical editions with how many copies they have in each state; by title. */
export async function listRentalEditions(): Promise<RentalEditionRow[]> {
  await requireAdmin();
  const db = await getDb();
  const rows = await db
    .select({
      editionId: editions.id,
      productTitle: products.title,
      ...pick(editions, 'format sku rentalPriceMinor'),
      editionName: editions.name,
      status: rentalCopies.status,
      copies: count(rentalCopies.id),
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(rentalCopies, eq(rentalCopies.editionId, editions.id))
    .where(and(eq(editions.rentable, true), eq(editions.digital, false)))
    .groupBy(editions.id, products.title, rentalCopies.status)
    .orderBy(asc(products.title), asc(editions.id));
  const usage = await rentalUsage();
  const byEdition = new Map<number, RentalEditionRow>();
  for (const { status, copies, ...edition } of rows) {
    const entry = byEdition.get(edition.editionId) ?? {
      ...edition,
      copies: noCopies(),
      usage: usage.get(edition.editionId) ?? { rentals: 0, feesMinor: 0, lateFeesMinor: 0, damageMinor: 0 },
    };
    if (status) entry.copies[status] = copies;
    byEdition.set(edition.editionId, entry);
  }
  return [...byEdition.values()];
}

/** Per edition, the rentals that went out (out, returned, kept or lost): how many, their fees, late fees and damage kept. */
async function rentalUsage(): Promise<Map<number, RentalEditionRow['usage']>> {
  const db = await getDb();
  const rows = await db
    .select({
      editionId: rentals.editionId,
      rentals: count(),
      feesMinor: sql<number>`coalesce(sum(${rentals.feeMinor}), 0)`.mapWith(Number),
      lateFeesMinor: sql<number>`coalesce(sum(${rentals.lateFeeChargedMinor}), 0)`.mapWith(Number),
      damageMinor: sql<number>`coalesce(sum(${rentals.damageChargeMinor}), 0)`.mapWith(Number),
    })
    .from(rentals)
    .where(inArray(rentals.status, ['out', 'returned', 'kept', 'lost']))
    .groupBy(rentals.editionId);
  return new Map(rows.map(({ editionId, ...usage }) => [editionId, usage]));
}

export type CopyRow = { id: number; code: string; grade: RentalCopyGrade; status: RentalCopyStatus; updatedAt: string };

/** One rentable edition and its copies (by code); null when the edition is not rentable or unknown. */
export async function getRentalEdition(
  editionId: number,
): Promise<{ edition: Omit<RentalEditionRow, 'copies' | 'usage'>; copies: CopyRow[] } | null> {
  await requireAdmin();
  const db = await getDb();
  const [edition] = await db
    .select({
      editionId: editions.id,
      productTitle: products.title,
      ...pick(editions, 'format sku rentalPriceMinor'),
      editionName: editions.name,
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .where(and(eq(editions.id, editionId), eq(editions.rentable, true), eq(editions.digital, false)));
  if (!edition) return null;
  const copies = await db
    .select({ ...pick(rentalCopies, 'id code grade status'), updatedAt: rentalCopies.updatedAt })
    .from(rentalCopies)
    .where(eq(rentalCopies.editionId, editionId))
    .orderBy(asc(rentalCopies.code));
  return { edition, copies: copies.map((copy) => ({ ...copy, updatedAt: iso(copy.updatedAt) })) };
}

/** Whether an edition is rentable (the stock page links to its copies then). */
export async function isRentableEdition(editionId: number): Promise<boolean> {
  await requireAdmin();
  const db = await getDb();
  const found = await db.$count(
    editions,
    and(eq(editions.id, editionId), eq(editions.rentable, true), eq(editions.digital, false)),
  );
  return found > 0;
}

/** What the check-in box says about a rental it took back: the title, edition and order. */
export async function describeRental(rentalId: number): Promise<{
  productTitle: string;
  format: string;
  editionName: string | null;
  orderNumber: string | null;
  currency: string;
} | null> {
  await requireAdmin();
  const db = await getDb();
  const [row] = await db
    .select({
      productTitle: products.title,
      format: editions.format,
      editionName: editions.name,
      orderNumber: orders.number,
      currency: orders.currency,
    })
    .from(rentals)
    .innerJoin(editions, eq(editions.id, rentals.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(orders, eq(orders.id, rentals.orderId))
    .where(eq(rentals.id, rentalId));
  return row ? { ...row, currency: row.currency ?? env.STORE_CURRENCY } : null;
}
