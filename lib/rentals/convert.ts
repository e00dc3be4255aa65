import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { lateFeeReachedDeposit } from './keep-quote';
import { lockRental, mailItem, markKept, recipient } from './kept';
import { rentals } from './schema';
import { rentalSettings, type RentalSettings } from './settings';

/** How many overdue rentals one run of the conversion job looks at (oldest due first). */
const CONVERT_BATCH = 100;

/**
 * The background job `convert-capped-rentals`: every out rental whose late fee (days late × daily fee)
 * has reached its deposit becomes a purchase by itself — kept, the whole deposit kept as the late fee,
 * no refund, the copy sold — with the "rentalConverted" mail. The candidates are read with `for update
 * skip locked` and each one moves with a conditional update on `out` (plus the mail's dedupe key), so
 * two instances running at once convert and mail each rental once. A rough SQL bound (a day of at
 * least 23 hours) picks the candidates; the exact rule (shop-local days, keep-quote.ts) decides.
 */
export async function convertCappedRentals(
  input: { now: Date; limit?: number },
  settings: RentalSettings = rentalSettings(),
): Promise<{ converted: number[] }> {
  const { now } = input;
  const db = await getDb();
  const converted = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: rentals.id })
      .from(rentals)
      .where(
        and(
          eq(rentals.status, 'out'),
          lte(rentals.dueAt, now),
          sql`${rentals.lateFeePerDayMinor} > 0 and ${rentals.depositMinor} > 0`,
          sql`${rentals.lateFeePerDayMinor}::bigint * (floor(extract(epoch from (${now.toISOString()}::timestamptz - ${rentals.dueAt})) / 82800) + 1)
            >= ${rentals.depositMinor}`,
        ),
      )
      .orderBy(asc(rentals.dueAt), asc(rentals.id))
      .limit(input.limit ?? CONVERT_BATCH)
      .for('update', { skipLocked: true });
    const done: number[] = [];
    for (const { id } of due) {
      if (await convertOne(tx, id, now, settings)) done.push(id);
    }
    return done;
  });
  if (converted.length > 0) sendMailSoon();
  return { converted };
}

/** One candidate of {@link convertCappedRentals}, in its transaction: converted (true) or left as it is. */
async function convertOne(tx: Transaction, rentalId: number, now: Date, settings: RentalSettings): Promise<boolean> {
  const locked = await lockRental(tx, rentalId);
  const current = locked?.rental;
  if (!locked || !current || current.status !== 'out' || !current.dueAt) return false;
  if (!lateFeeReachedDeposit({ ...current, dueAt: current.dueAt }, now, settings.timeZone)) return false;
  const rental = await markKept(
    tx,
    locked,
    { buyOutPriceMinor: null, lateFeeMinor: current.depositMinor, refundMinor: 0 },
    now,
  );
  if (!rental) return false;
  await recordAudit(tx, {
    actorUserId: null,
    action: 'rental.convert',
    entity: 'rental',
    entityId: rental.id,
    before: { status: 'out' },
    after: { status: 'kept', lateFeeMinor: current.depositMinor, depositRefundMinor: 0, copyId: current.copyId },
  });
  const to = recipient(locked);
  if (to) {
    await enqueueMail(tx, {
      to: to.to,
      locale: to.locale,
      template: 'rentalConverted',
      data: {
        name: to.name,
        ...mailItem(locked),
        depositMinor: current.depositMinor,
        lateFeePerDayMinor: current.lateFeePerDayMinor,
      },
      dedupeKey: `rental-converted:${rental.id}`,
      userId: current.userId ?? undefined,
    });
  }
  return true;
}
