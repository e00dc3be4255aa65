import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRow, type Transaction } from '@/db';

// Raw SQL (README, "Data access"): the library tier (lib/library) sits above orders, so the order
// lifecycle names the entitlements table here rather than importing lib/library — as it does for
// rentals (./release-rentals-sql.ts). These two functions are the only writers of grants from orders,
// and lib/library/entitlements.ts gives them their library names. Read by tests/integration/library-entitlements.test.ts.

/**
 * An order became paid (./lifecycle.ts confirmPaidOrder, the one path every paid order takes): one
 * active entitlement per purchase line that is digital (`purchase`) or whose edition includes its
 * download (`bundled`), for the order's account. Idempotent: `on conflict do nothing` on the unique
 * order line, so a fulfilment run twice, or five times at once, grants each line once. A guest order
 * (no account) grants nothing yet: a library belongs to an account. Returns how many were granted now.
 */
export async function grantOrderEntitlements(tx: Transaction, orderId: number): Promise<number> {
  const { granted } = await queryRow<{ granted: number }>(
    tx,
    sql`with granted as (
        insert into entitlements (user_id, edition_id, order_id, order_line_id, source)
        select o.user_id, l.edition_id, o.id, l.id,
          (case when l.digital then 'purchase' else 'bundled' end)::entitlement_source
        from orders o
          join order_lines l on l.order_id = o.id
          join editions e on e.id = l.edition_id
        where o.id = ${orderId} and o.user_id is not null and l.kind = 'purchase'
          and (l.digital or e.includes_download)
        order by l.id
        on conflict (order_line_id) where order_line_id is not null do nothing
        returning 1
      )
      select count(*)::int as granted from granted`,
  );
  return granted;
}

/**
 * The order was cancelled after payment or refunded in full: its active entitlements are revoked (a
 * conditional update on `active`, so running it twice changes nothing the second time). Downloads
 * already counted stay in the log. Returns how many were revoked now.
 */
export async function revokeOrderEntitlements(tx: Transaction, orderId: number): Promise<number> {
  const { revoked } = await queryRow<{ revoked: number }>(
    tx,
    sql`with revoked as (
        update entitlements set status = 'revoked', revoked_at = now()
        where order_id = ${orderId} and status = 'active'
        returning 1
      )
      select count(*)::int as revoked from revoked`,
  );
  return revoked;
}
