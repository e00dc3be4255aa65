import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRow, queryRows, type Transaction } from '@/db';

// Raw SQL (README, "Data access"): each function is one statement whose data-modifying CTEs move a
// rental and its copy together, which the query builder cannot say — and the rentals tier sits above
// orders, so the order lifecycle names the rentals tables here rather than importing lib/rentals.
// Read by tests/integration/rentals-checkout.test.ts.

/**
 * An order cancelled or expired before dispatch: each of its `reserved` rentals becomes `cancelled`
 * and its copy `available` again, in the caller's transaction (the one that moves the order's status,
 * once). Both updates are conditional on `reserved`, so a rental already dispatched (`out`) or back is
 * not touched and a release run twice changes nothing the second time. Returns how many were released.
 */
export async function releaseOrderRentals(tx: Transaction, orderId: number): Promise<number> {
  const { released, freed } = await queryRow<{ released: number; freed: number }>(
    tx,
    sql`with released as (
        update rentals set status = 'cancelled', updated_at = now()
        where order_id = ${orderId} and status = 'reserved'
        returning copy_id
      ), freed as (
        update rental_copies c set status = 'available', updated_at = now()
        from released where c.id = released.copy_id and c.status = 'reserved'
        returning c.id
      )
      select (select count(*) from released)::int as released, (select count(*) from freed)::int as freed`,
  );
  // A reserved rental's copy is reserved (only lib/rentals moves it): anything else is a broken invariant, rolled back.
  if (released !== freed) {
    throw new Error(`Order ${orderId}: ${released} rentals released but ${freed} copies were reserved`);
  }
  return released;
}

/**
 * Locks the order's rentals (FOR UPDATE, in the caller's transaction) and tells whether one has left
 * the shop (dispatched: out, back, kept or lost). Cancelling a paid order locks the order row and then these, in the
 * same order as the desk's dispatch (order, then rental: no deadlock), so whichever comes second sees
 * what the first did — a dispatched rental stops the cancellation, a cancelled one stops the dispatch.
 */
export async function lockOrderRentals(tx: Transaction, orderId: number): Promise<{ sent: boolean }> {
  const rows = await queryRows<{ status: string }>(
    tx,
    sql`select status from rentals where order_id = ${orderId} order by id for update`,
  );
  return { sent: rows.some((row) => row.status !== 'reserved' && row.status !== 'cancelled') };
}

/**
 * Staff found an order paid after all once its cancellation had released its rentals (./review.ts):
 * each rental line whose last rental was cancelled gets a free copy held again (picked `for update
 * skip locked`, taken only while `available`) on the terms the order paid. False when an edition has
 * no free copy — the caller then rolls the whole transaction back.
 */
export async function holdOrderRentalsAgain(tx: Transaction, orderId: number): Promise<boolean> {
  const wanted = await queryRows<{ id: number; editionId: number }>(
    tx,
    sql`select id, edition_id as "editionId" from (
        select distinct on (order_line_id) id, edition_id, status from rentals
        where order_id = ${orderId} order by order_line_id, id desc
      ) last where status = 'cancelled' order by edition_id, id`,
  );
  for (const rental of wanted) {
    const held = await queryRows<{ id: number }>(
      tx,
      sql`with free as (
          select id from rental_copies where edition_id = ${rental.editionId} and status = 'available'
          order by id limit 1 for update skip locked
        ), taken as (
          update rental_copies c set status = 'reserved', updated_at = now()
          from free where c.id = free.id and c.status = 'available'
          returning c.id
        )
        insert into rentals (copy_id, edition_id, user_id, order_id, order_line_id, status, fee_minor,
          deposit_minor, late_fee_per_day_minor, period_days)
        select taken.id, r.edition_id, r.user_id, r.order_id, r.order_line_id, 'reserved', r.fee_minor,
          r.deposit_minor, r.late_fee_per_day_minor, r.period_days
        from taken, rentals r where r.id = ${rental.id}
        returning id`,
    );
    if (held.length === 0) return false;
  }
  return true;
}
