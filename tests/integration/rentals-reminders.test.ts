import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRow } from '@/db';
import type { StaffUser } from '@/lib/audit/staff';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { rentalMailKey } from '@/lib/rentals/mails';
import { type ReminderKind, type ReminderSettings, sendRentalReminders } from '@/lib/rentals/reminders';
import { itOnPostgres } from '../support/concurrency';
import { first } from '../support/lists';
import { outboxMails } from '../support/outbox';
import { at, BERLIN, createRentableEdition, deskAdmin, linkToPaidOrder } from '../support/rentals';
import { createTestUser } from '../support/users';

// A shop in Berlin: its local days change length at the daylight-saving changes (29 March and
// 25 October 2026), and its due dates fall on month ends here.
const REMIND: ReminderSettings = { timeZone: 'Europe/Berlin', daysBefore: 2 };
const KINDS: ReminderKind[] = ['before', 'due', 'overdue'];

let admin: StaffUser;
beforeAll(async () => {
  admin = await deskAdmin();
});

/** A rental of a fresh one-copy edition, dispatched at `dispatchedAt`, by a new shopper (or a guest). */
async function rentedOut(dispatchedAt: Date, options: { periodDays?: number; locale?: 'zh'; guest?: boolean } = {}) {
  const { editionId, codes } = await createRentableEdition({ copies: 1 });
  const user = options.guest ? null : await createTestUser({ prefix: 'remind' });
  const db = await getDb();
  if (user && options.locale)
    await db.execute(sql`update users set preferred_locale = ${options.locale} where id = ${user.id}`);
  const reserved = await reserveCopy(
    { editionId, userId: user?.id ?? null, periodDays: options.periodDays ?? 7, now: dispatchedAt },
    BERLIN,
  );
  if (!reserved.ok) throw new Error(reserved.error);
  const order = options.guest ? await linkToPaidOrder(reserved.rental.id) : null;
  const dispatched = await dispatchRental(admin, { rentalId: reserved.rental.id, now: dispatchedAt }, BERLIN);
  if (!dispatched.ok) throw new Error(dispatched.error);
  return { rental: dispatched.rental, user, code: first(codes), order };
}

/** The reminder mails written for a rental, by kind (how many of each). */
async function remindersOf(rentalId: number): Promise<Record<ReminderKind, number>> {
  const counts = { before: 0, due: 0, overdue: 0 };
  for (const kind of KINDS) counts[kind] = (await outboxMails({ dedupeKey: rentalMailKey(rentalId, kind) })).length;
  return counts;
}

const none = { before: 0, due: 0, overdue: 0 };

describe('the dispatch mail', () => {
  it('tells the shopper the title, copy, due date in the shop time zone, late fee and how to return it', async () => {
    // Dispatched on Tuesday 24 March (Berlin) for 7 days: due by the end of Tuesday 31 March.
    const { rental, user, code } = await rentedOut(at('2026-03-24T15:00:00Z'));
    expect(rental.dueAt).toEqual(at('2026-03-31T22:00:00Z')); // local midnight in summer time
    const [mail, ...more] = await outboxMails({ dedupeKey: rentalMailKey(rental.id, 'dispatched') });
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ template: 'rentalDispatched', to: user?.email, userId: user?.id, locale: 'en' });
    expect(mail?.subject).toContain('due back by March 31, 2026');
    expect(mail?.text).toContain(code);
    expect(mail?.text).toContain('Late fee: $0.72 a day'); // 499 over 7 days, rounded up
    expect(mail?.text).toContain('post the disc back to us in its case');
    expect(mail?.text).toContain('/account/rentals');
  });

  it('goes to the order address of a guest, with the order page as the link', async () => {
    const { rental, order } = await rentedOut(at('2026-03-24T15:00:00Z'), { guest: true });
    const [mail] = await outboxMails({ dedupeKey: rentalMailKey(rental.id, 'dispatched') });
    expect(mail).toMatchObject({ to: 'renter@example.com', userId: null, locale: 'en' });
    expect(mail?.text).toContain(`with a note of the order number ${order?.number}`);
    expect(mail?.text).toContain("[link left out: only the recipient's copy has it]"); // the order's secret link
    expect(mail?.text).not.toContain('/account/rentals');
  });
});

describe('rental reminders', () => {
  it('sends each reminder on its local day across the spring clock change and a month end, once', async () => {
    // Due by the end of 31 March (Berlin). Clocks go forward on 29 March, inside the "before" window.
    const { rental } = await rentedOut(at('2026-03-24T10:00:00Z'));
    const run = async (iso: string) => {
      await sendRentalReminders(at(iso), REMIND);
      return remindersOf(rental.id);
    };
    expect(await run('2026-03-28T22:59:00Z')).toEqual(none); // 28 March 23:59 local: three days before
    expect(await run('2026-03-28T23:00:00Z')).toEqual({ ...none, before: 1 }); // 29 March 00:00 (winter time)
    expect(await run('2026-03-29T12:00:00Z')).toEqual({ ...none, before: 1 }); // not again
    expect(await run('2026-03-30T21:59:00Z')).toEqual({ ...none, before: 1 }); // 30 March 23:59 (summer time)
    expect(await run('2026-03-30T22:00:00Z')).toEqual({ before: 1, due: 1, overdue: 0 }); // 31 March 00:00
    expect(await run('2026-03-31T21:59:00Z')).toEqual({ before: 1, due: 1, overdue: 0 }); // 31 March 23:59
    expect(await run('2026-03-31T22:00:00Z')).toEqual({ before: 1, due: 1, overdue: 1 }); // 1 April 00:00
    expect(await run('2026-04-05T10:00:00Z')).toEqual({ before: 1, due: 1, overdue: 1 });
    const [overdue] = await outboxMails({ dedupeKey: rentalMailKey(rental.id, 'overdue') });
    expect(overdue?.text).toContain('now 1 day late');
    expect(overdue?.text).toContain('Late fee so far: $0.72');
    expect(overdue?.text).toContain('never goes above the deposit of $29.99');
  });

  it('counts local days across the autumn clock change and the end of October', async () => {
    // 14 days from 17 October: due by the end of 31 October; clocks go back on 25 October.
    const { rental } = await rentedOut(at('2026-10-17T10:00:00Z'), { periodDays: 14 });
    expect(rental.dueAt).toEqual(at('2026-10-31T23:00:00Z'));
    const settings = { ...REMIND, daysBefore: 7 };
    const run = async (iso: string) => {
      await sendRentalReminders(at(iso), settings);
      return remindersOf(rental.id);
    };
    expect(await run('2026-10-23T21:59:00Z')).toEqual(none); // 23 October 23:59 (summer time)
    expect(await run('2026-10-23T22:00:00Z')).toEqual({ ...none, before: 1 }); // 24 October 00:00
    expect(await run('2026-10-30T22:30:00Z')).toEqual({ ...none, before: 1 }); // 30 October 23:30 (winter time)
    expect(await run('2026-10-30T23:00:00Z')).toEqual({ before: 1, due: 1, overdue: 0 }); // 31 October 00:00
    expect(await run('2026-10-31T23:00:00Z')).toEqual({ before: 1, due: 1, overdue: 1 }); // 1 November 00:00
  });

  it('sends a rental first seen late only the reminder of the window it is in', async () => {
    const { rental } = await rentedOut(at('2026-03-24T10:00:00Z'));
    // The job was down until the due date: no "before" mail any more, only "due"; then "overdue".
    await sendRentalReminders(at('2026-03-31T08:00:00Z'), REMIND);
    expect(await remindersOf(rental.id)).toEqual({ before: 0, due: 1, overdue: 0 });
    const other = await rentedOut(at('2026-03-24T10:00:00Z'));
    await sendRentalReminders(at('2026-04-03T08:00:00Z'), REMIND);
    expect(await remindersOf(other.rental.id)).toEqual({ before: 0, due: 0, overdue: 1 });
    // And never an earlier kind after a later one, even if the clock is turned back.
    await sendRentalReminders(at('2026-03-30T08:00:00Z'), REMIND);
    expect(await remindersOf(other.rental.id)).toEqual({ before: 0, due: 0, overdue: 1 });
  });

  it('writes the reminders in the shopper language', async () => {
    const { rental } = await rentedOut(at('2026-03-24T10:00:00Z'), { locale: 'zh' });
    await sendRentalReminders(at('2026-03-29T08:00:00Z'), REMIND);
    await sendRentalReminders(at('2026-04-02T08:00:00Z'), REMIND);
    const [before] = await outboxMails({ dedupeKey: rentalMailKey(rental.id, 'before') });
    expect(before).toMatchObject({ template: 'rentalDueSoon', locale: 'zh' });
    expect(before?.subject).toContain('2026年3月31日');
    expect(before?.text).toContain('还剩 2 天');
    const [overdue] = await outboxMails({ dedupeKey: rentalMailKey(rental.id, 'overdue') });
    expect(overdue?.text).toContain('已逾期 2 天');
    expect(overdue?.text).toContain('目前逾期费：US$1.44');
    const [dispatched] = await outboxMails({ dedupeKey: rentalMailKey(rental.id, 'dispatched') });
    expect(dispatched?.subject).toContain('2026年3月31日');
  });

  it('reminds guests at the order address, and nobody of rentals returned or never sent', async () => {
    const guest = await rentedOut(at('2026-03-24T10:00:00Z'), { guest: true });
    const returned = await rentedOut(at('2026-03-24T10:00:00Z'));
    expect(await checkIn(admin, { code: returned.code, now: at('2026-03-27T10:00:00Z') }, BERLIN)).toMatchObject({
      ok: true,
    });
    const { editionId } = await createRentableEdition({ copies: 1 });
    const reserved = await reserveCopy(
      { editionId, userId: null, periodDays: 7, now: at('2026-03-24T10:00:00Z') },
      BERLIN,
    );
    await sendRentalReminders(at('2026-04-02T08:00:00Z'), REMIND);
    expect(await remindersOf(guest.rental.id)).toEqual({ before: 0, due: 0, overdue: 1 });
    expect((await outboxMails({ dedupeKey: rentalMailKey(guest.rental.id, 'overdue') }))[0]?.to).toBe(
      'renter@example.com',
    );
    expect(await remindersOf(returned.rental.id)).toEqual(none);
    expect(reserved.ok && (await remindersOf(reserved.rental.id))).toEqual(none);
    const db = await getDb();
    const marks = await queryRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from rentals where id = ${returned.rental.id} and reminded_overdue_at is not null`,
    );
    expect(marks.n).toBe(0);
  });

  itOnPostgres('sends each reminder once when the job runs twice at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      // A moment of its own for each round; every reminder already due then is sent first, so the
      // race is over this round's three rentals alone (one in each window).
      const now = new Date(Date.UTC(2027, round, 15, 9));
      await sendRentalReminders(now, REMIND);
      const day = 86_400_000;
      const overdue = await rentedOut(new Date(now.getTime() - 10 * day));
      const due = await rentedOut(new Date(now.getTime() - 7 * day));
      const before = await rentedOut(new Date(now.getTime() - 6 * day));
      const [a, b] = await Promise.all([sendRentalReminders(now, REMIND), sendRentalReminders(now, REMIND)]);
      expect({ round, before: a.before + b.before, due: a.due + b.due, overdue: a.overdue + b.overdue }).toEqual({
        round,
        before: 1,
        due: 1,
        overdue: 1,
      });
      expect(await remindersOf(overdue.rental.id)).toEqual({ before: 0, due: 0, overdue: 1 });
      expect(await remindersOf(due.rental.id)).toEqual({ before: 0, due: 1, overdue: 0 });
      expect(await remindersOf(before.rental.id)).toEqual({ before: 1, due: 0, overdue: 0 });
    }
  });
});
