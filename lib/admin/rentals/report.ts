import 'server-only';
import { and, asc, eq, gte, isNotNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { requireAdmin } from '@/lib/auth/session';
import { editions, products } from '@/lib/catalog/schema';
import { addDays, daysBetween, localDate, startOfLocalDay } from '@/lib/rentals/local-days';
import { rentalCopies, rentals } from '@/lib/rentals/schema';
import { copyIsInService } from '@/lib/rentals/terms';

/**
 * The rental utilization report (/admin/rentals/report): per edition, over a range of the shop's
 * local days, the rentals sent and their fees (by dispatch date), the late fees and damage or loss
 * charges kept and the buy-outs and conversions at the late-fee cap (by the date the rental was
 * settled: returned, kept or lost), and the copies in service and idle now (on the shelf with no
 * rental reserved in the last `idleDays` days). One aggregate query: two grouped subqueries (rentals,
 * copies) joined to the editions, no query per row; the idle check reads rentals_copy_idx.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type ReportRange = { from: string; to: string; idleDays: number };

/** The default range: the 30 local days up to today, idle after 30 days. */
export function defaultRange(now: Date, timeZone: string): ReportRange {
  const to = localDate(now, timeZone);
  return { from: addDays(to, -29), to, idleDays: 30 };
}

const rangeSchema = z.object({
  from: z.string().regex(DAY),
  to: z.string().regex(DAY),
  idleDays: z.coerce.number().int().min(1).max(365),
});

/**
 * The range asked in the page's query (`from`, `to`, `idle`), checked: real dates, from ≤ to, within
 * the last 10 years and not after today; the default range (and `invalid`) otherwise. Nothing asked: the default.
 */
export function parseRange(
  query: { from?: string; to?: string; idle?: string },
  now: Date,
  timeZone: string,
): { range: ReportRange; invalid: boolean } {
  const fallback = defaultRange(now, timeZone);
  if (query.from === undefined && query.to === undefined && query.idle === undefined) {
    return { range: fallback, invalid: false };
  }
  const parsed = rangeSchema.safeParse({
    from: query.from || fallback.from,
    to: query.to || fallback.to,
    idleDays: query.idle || fallback.idleDays,
  });
  if (!parsed.success) return { range: fallback, invalid: true };
  const { from, to, idleDays } = parsed.data;
  const today = fallback.to;
  const real = (day: string) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && addDays(day, 0) === day;
  const ok =
    real(from) &&
    real(to) &&
    daysBetween(from, to) >= 0 &&
    daysBetween(to, today) >= 0 &&
    daysBetween(from, today) <= 3653;
  return ok ? { range: { from, to, idleDays }, invalid: false } : { range: fallback, invalid: true };
}

export type ReportRow = {
  editionId: number;
  productTitle: string;
  format: string;
  editionName: string | null;
  sku: string;
  rentals: number;
  feesMinor: number;
  lateFeesMinor: number;
  chargesMinor: number;
  buyOuts: number;
  buyOutsMinor: number;
  converted: number;
  copiesInService: number;
  copiesIdle: number;
};

const int = (expression: ReturnType<typeof sql>) => sql<number>`coalesce(${expression}, 0)::int`.mapWith(Number);

export async function rentalUtilization(range: ReportRange, now: Date, timeZone: string): Promise<ReportRow[]> {
  await requireAdmin();
  const start = startOfLocalDay(range.from, timeZone);
  const end = startOfLocalDay(addDays(range.to, 1), timeZone);
  const idleSince = new Date(now.getTime() - range.idleDays * 86_400_000);
  const settledAt = sql`coalesce(${rentals.returnedAt}, ${rentals.keptAt}, ${rentals.lostAt})`;
  const sent = and(gte(rentals.dispatchedAt, start), lt(rentals.dispatchedAt, end));
  const settled = sql`${settledAt} >= ${start.toISOString()}::timestamptz and ${settledAt} < ${end.toISOString()}::timestamptz`;
  const keptInRange = and(eq(rentals.status, 'kept'), gte(rentals.keptAt, start), lt(rentals.keptAt, end));
  const db = await getDb();
  const usage = db
    .select({
      editionId: rentals.editionId,
      rentals: int(sql`count(*) filter (where ${sent})`).as('rentals'),
      feesMinor: int(sql`sum(${rentals.feeMinor}) filter (where ${sent})`).as('fees_minor'),
      lateFeesMinor: int(sql`sum(${rentals.lateFeeChargedMinor}) filter (where ${settled})`).as('late_fees_minor'),
      chargesMinor: int(sql`sum(${rentals.damageChargeMinor}) filter (where ${settled})`).as('charges_minor'),
      buyOuts: int(sql`count(*) filter (where ${keptInRange} and ${isNotNull(rentals.buyOutPriceMinor)})`).as(
        'buy_outs',
      ),
      buyOutsMinor: int(sql`sum(${rentals.buyOutPriceMinor}) filter (where ${keptInRange})`).as('buy_outs_minor'),
      converted: int(sql`count(*) filter (where ${keptInRange} and ${rentals.buyOutPriceMinor} is null)`).as(
        'converted',
      ),
    })
    .from(rentals)
    .where(or(sent, settled))
    .groupBy(rentals.editionId)
    .as('usage');
  const copies = db
    .select({
      editionId: rentalCopies.editionId,
      inService: int(sql`count(*) filter (where ${copyIsInService()})`).as('in_service'),
      idle: int(
        sql`count(*) filter (where ${rentalCopies.status} = 'available' and not exists (
          select 1 from ${rentals} where ${rentals.copyId} = ${rentalCopies.id}
            and ${rentals.createdAt} >= ${idleSince.toISOString()}::timestamptz))`,
      ).as('idle'),
    })
    .from(rentalCopies)
    .groupBy(rentalCopies.editionId)
    .as('copies');
  const rows = await db
    .select({
      editionId: editions.id,
      productTitle: products.title,
      format: editions.format,
      editionName: editions.name,
      sku: editions.sku,
      rentals: int(sql`${usage.rentals}`),
      feesMinor: int(sql`${usage.feesMinor}`),
      lateFeesMinor: int(sql`${usage.lateFeesMinor}`),
      chargesMinor: int(sql`${usage.chargesMinor}`),
      buyOuts: int(sql`${usage.buyOuts}`),
      buyOutsMinor: int(sql`${usage.buyOutsMinor}`),
      converted: int(sql`${usage.converted}`),
      copiesInService: int(sql`${copies.inService}`),
      copiesIdle: int(sql`${copies.idle}`),
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(usage, eq(usage.editionId, editions.id))
    .leftJoin(copies, eq(copies.editionId, editions.id))
    .where(or(isNotNull(usage.editionId), isNotNull(copies.editionId)))
    .orderBy(asc(products.title), asc(editions.id));
  return rows;
}
