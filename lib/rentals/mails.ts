import 'server-only';
import { eq } from 'drizzle-orm';
import { type Executor, type Transaction } from '@/db';
import { users } from '@/lib/accounts/schema';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { customerName } from '@/lib/orders/sealed';
import { orders } from '@/lib/orders/schema';
import { daysLate, dueDate, lateFeeMinor } from './amounts';
import { daysBetween, localDate } from './local-days';
import { rentalCopies, rentals } from './schema';

/**
 * The mails about one rental: sent by the desk (dispatch), and the three reminders (lib/rentals/
 * reminders.ts). Each is written to the outbox inside the caller's transaction, with a dedupe key per
 * rental and kind, so it exists exactly when the change that caused it commits, and once.
 *
 * Who gets it: the shopper's account (its address and language) when the rental has one, else — a
 * guest's checkout — the order's address and the language it was placed in. A deleted account, or a
 * rental with no address at all, gets no mail. The link goes to /account/rentals, or for a guest to
 * the order page (its access key made when the mail is sent).
 */

export type RentalMailKind = 'dispatched' | 'before' | 'due' | 'overdue';

export const rentalMailKey = (rentalId: number, kind: RentalMailKind) =>
  kind === 'dispatched' ? `rental-${rentalId}-dispatched` : `rental-${rentalId}-reminder-${kind}`;

/** The rental, its disc and copy, its order and its shopper, as the mails need them. */
async function readRentalForMail(executor: Executor, rentalId: number) {
  const [row] = await executor
    .select({
      id: rentals.id,
      userId: rentals.userId,
      orderId: rentals.orderId,
      periodDays: rentals.periodDays,
      dueAt: rentals.dueAt,
      depositMinor: rentals.depositMinor,
      lateFeePerDayMinor: rentals.lateFeePerDayMinor,
      copyCode: rentalCopies.code,
      carrier: rentals.carrier,
      trackingNumber: rentals.trackingNumber,
      trackingUrl: rentals.trackingUrl,
      title: products.title,
      format: editions.format,
      editionName: editions.name,
      orderNumber: orders.number,
      orderEmail: orders.email,
      orderLocale: orders.locale,
      currency: orders.currency,
      shipName: orders.shipName,
      userEmail: users.email,
      userLocale: users.preferredLocale,
      userDeletedAt: users.deletedAt,
      displayName: users.displayName,
      username: users.username,
    })
    .from(rentals)
    .innerJoin(rentalCopies, eq(rentalCopies.id, rentals.copyId))
    .innerJoin(editions, eq(editions.id, rentals.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(orders, eq(orders.id, rentals.orderId))
    .leftJoin(users, eq(users.id, rentals.userId))
    .where(eq(rentals.id, rentalId));
  return row ?? null;
}

type RentalForMail = NonNullable<Awaited<ReturnType<typeof readRentalForMail>>>;

/** The address and language a rental's mails go to, or null when there is none (see above). */
export function rentalRecipient(
  row: Pick<RentalForMail, 'userId' | 'userEmail' | 'userLocale' | 'userDeletedAt' | 'orderEmail' | 'orderLocale'>,
): { to: string; locale: ReturnType<typeof toLocale> } | null {
  if (row.userId !== null && row.userDeletedAt !== null) return null;
  const to = (row.userId !== null ? (row.userEmail ?? row.orderEmail) : row.orderEmail)?.trim();
  if (!to) return null;
  return { to, locale: toLocale(row.userLocale ?? row.orderLocale) };
}

/**
 * Writes the mail of `kind` about the rental in `tx` (dedupe key {@link rentalMailKey}), its amounts
 * as of `now` in the shop's time zone. Returns false when there is nobody to mail, the rental has no
 * due date (not dispatched), or the mail was already written.
 */
export async function enqueueRentalMail(
  tx: Transaction,
  input: { rentalId: number; kind: RentalMailKind; now: Date; timeZone: string },
): Promise<boolean> {
  const { rentalId, kind, now, timeZone } = input;
  const row = await readRentalForMail(tx, rentalId);
  if (!row?.dueAt) return false;
  const recipient = rentalRecipient(row);
  if (!recipient) return false;
  const due = dueDate(row.dueAt, timeZone);
  const common = {
    name: customerName({ displayName: row.displayName, username: row.username, shipName: row.shipName }) ?? '',
    title: row.title,
    format: row.format,
    editionName: row.editionName,
    copyCode: row.copyCode,
    periodDays: row.periodDays,
    dueDate: due,
    currency: row.currency ?? env.STORE_CURRENCY,
    lateFeePerDayMinor: row.lateFeePerDayMinor,
    depositMinor: row.depositMinor,
    orderNumber: row.orderNumber,
    rentalsUrl:
      row.userId === null && row.orderId !== null && row.orderNumber !== null
        ? secretLinks.order(row.orderId, row.orderNumber)
        : '/account/rentals',
  };
  const base = {
    ...recipient,
    dedupeKey: rentalMailKey(rentalId, kind),
    ...(row.userId !== null ? { userId: row.userId } : {}),
  };
  let written: { duplicate: boolean };
  if (kind === 'dispatched') {
    const { carrier, trackingNumber, trackingUrl } = row;
    written = await enqueueMail(tx, {
      ...base,
      template: 'rentalDispatched',
      data: { ...common, carrier, trackingNumber, trackingUrl },
    });
  } else if (kind === 'before') {
    const daysLeft = Math.max(1, daysBetween(localDate(now, timeZone), due));
    written = await enqueueMail(tx, { ...base, template: 'rentalDueSoon', data: { ...common, daysLeft } });
  } else if (kind === 'due') {
    written = await enqueueMail(tx, { ...base, template: 'rentalDueToday', data: common });
  } else {
    const late = Math.max(1, daysLate(row.dueAt, now, timeZone));
    written = await enqueueMail(tx, {
      ...base,
      template: 'rentalOverdue',
      data: {
        ...common,
        daysLate: late,
        lateFeeSoFarMinor: lateFeeMinor(late, row.lateFeePerDayMinor, row.depositMinor),
      },
    });
  }
  return !written.duplicate;
}

/**
 * The "on its way" mail of a rental the desk has just dispatched, in the dispatch's transaction. It
 * runs in a savepoint: a mail that cannot be written (an address the outbox refuses) is logged and
 * never undoes the dispatch. The caller starts delivery (`sendMailSoon`) after the commit.
 */
export async function mailRentalDispatched(
  tx: Transaction,
  input: { rentalId: number; now: Date; timeZone: string },
): Promise<boolean> {
  try {
    return await tx.transaction((savepoint) => enqueueRentalMail(savepoint, { ...input, kind: 'dispatched' }));
  } catch (error) {
    console.error(`[rentals] could not write the dispatch mail of rental ${input.rentalId}`, error);
    return false;
  }
}
