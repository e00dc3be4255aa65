import 'server-only';
import { and, asc, eq, gt, isNull, lte, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { sendMailSoon } from '@/lib/mail/mutations';
import { addDays, localDate, startOfLocalDay } from './local-days';
import { enqueueRentalMail } from './mails';
import { rentals } from './schema';

/**
 * Reminder mails for rentals that are out, each sent once, in the shopper's language (lib/rentals/
 * mails.ts), counted in the shop's local days (SHOP_TIME_ZONE):
 * - `before`: within RENTAL_REMINDER_DAYS_BEFORE days before the due date (2: from two local days
 *   before it to the day before it; 0: no such mail);
 * - `due`: on the due date;
 * - `overdue`: from the day after the due date (with the late fee so far and the deposit it is capped at).
 *
 * The three windows follow one another and never overlap, and each kind is sent only while no later
 * kind has been: a rental first seen late (the job was down, or the rental was dispatched for fewer
 * days than the "before" window) gets only the mail of the window it is in now, never the earlier
 * ones in a burst, and never an earlier one after a later one.
 *
 * Each mail is claimed by one conditional update (`where status = 'out' and reminded_<kind>_at is null
 * and <window>`) and written in the same transaction (dedupe key `rental-<id>-reminder-<kind>`), so
 * two instances running the job at once send each mail once: the second update waits for the first
 * and then finds the column set. The candidates are read through the partial index on `due_at` of the
 * rentals that are out (rentals_overdue_idx). The clock is the caller's.
 */

export type ReminderKind = 'before' | 'due' | 'overdue';
export type ReminderSettings = { timeZone: string; daysBefore: number };

const configured = (): ReminderSettings => ({
  timeZone: env.SHOP_TIME_ZONE,
  daysBefore: env.RENTAL_REMINDER_DAYS_BEFORE,
});

/** Rentals claimed per kind and run; the rest wait for the next run (every few minutes). */
export const REMINDER_BATCH = 500;

const COLUMNS = {
  before: rentals.remindedBeforeAt,
  due: rentals.remindedDueAt,
  overdue: rentals.remindedOverdueAt,
} as const;

const FIELDS = { before: 'remindedBeforeAt', due: 'remindedDueAt', overdue: 'remindedOverdueAt' } as const;

/** The kinds after each kind: a rental reminded of a later kind gets no earlier one. */
const LATER: Record<ReminderKind, ReminderKind[]> = { before: ['due', 'overdue'], due: ['overdue'], overdue: [] };

/**
 * The window of each kind as a range of `due_at` at `now`. `due_at` is the first instant after the
 * due date (lib/rentals/amounts.ts), so a rental due by the local day D has due_at = start of D + 1:
 * - overdue: today ≥ D + 1  ⇔  due_at ≤ now;
 * - due:     today = D      ⇔  now < due_at ≤ start of (today + 1);
 * - before:  D − n ≤ today < D  ⇔  start of (today + 1) < due_at ≤ start of (today + n + 1).
 * Null when the kind has no window (`before` with daysBefore 0).
 */
export function reminderWindows(now: Date, settings: ReminderSettings): Record<ReminderKind, SQL | null> {
  const today = localDate(now, settings.timeZone);
  const endOfToday = startOfLocalDay(addDays(today, 1), settings.timeZone);
  const endOfBefore = startOfLocalDay(addDays(today, settings.daysBefore + 1), settings.timeZone);
  return {
    overdue: lte(rentals.dueAt, now) ?? null,
    due: and(gt(rentals.dueAt, now), lte(rentals.dueAt, endOfToday)) ?? null,
    before:
      settings.daysBefore > 0 ? (and(gt(rentals.dueAt, endOfToday), lte(rentals.dueAt, endOfBefore)) ?? null) : null,
  };
}

/** Which rentals are due a reminder of `kind` now: out, not reminded of it or a later kind, in its window. */
function pending(kind: ReminderKind, window: SQL): SQL | undefined {
  return and(
    eq(rentals.status, 'out'),
    isNull(COLUMNS[kind]),
    ...LATER[kind].map((later) => isNull(COLUMNS[later])),
    window,
  );
}

/**
 * Claims the reminder of `kind` for one rental and writes its mail, in one transaction. Returns
 * whether this call claimed it (false: returned meanwhile, out of the window, or claimed by another run).
 */
async function remind(rentalId: number, kind: ReminderKind, window: SQL, now: Date, timeZone: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(rentals)
      .set({ [FIELDS[kind]]: now })
      .where(and(eq(rentals.id, rentalId), pending(kind, window)))
      .returning({ id: rentals.id });
    if (!claimed) return false;
    // No address (a deleted account): the reminder is still marked done, so it is not looked at again.
    await enqueueRentalMail(tx, { rentalId, kind, now, timeZone });
    return true;
  });
}

/**
 * The background job (every few minutes, on any number of instances): claims and mails every
 * reminder due at `now`, the latest kind first, each rental in its own transaction; one that fails
 * (an address the outbox refuses) is logged and tried again at the next run. Returns how many
 * reminders of each kind this run claimed.
 */
export async function sendRentalReminders(
  now: Date,
  settings: ReminderSettings = configured(),
): Promise<Record<ReminderKind, number>> {
  const db = await getDb();
  const windows = reminderWindows(now, settings);
  const claimed: Record<ReminderKind, number> = { overdue: 0, due: 0, before: 0 };
  for (const kind of ['overdue', 'due', 'before'] as const) {
    const window = windows[kind];
    if (!window) continue;
    const candidates = await db
      .select({ id: rentals.id })
      .from(rentals)
      .where(pending(kind, window))
      .orderBy(asc(rentals.dueAt), asc(rentals.id))
      .limit(REMINDER_BATCH);
    for (const { id } of candidates) {
      try {
        if (await remind(id, kind, window, now, settings.timeZone)) claimed[kind] += 1;
      } catch (error) {
        console.error(`[rentals] could not send the ${kind} reminder of rental ${id}`, error);
      }
    }
  }
  if (claimed.overdue + claimed.due + claimed.before > 0) sendMailSoon();
  return claimed;
}
