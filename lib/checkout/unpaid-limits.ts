import 'server-only';
import { createHmac } from 'node:crypto';
import { and, eq, gt, ne, or, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { normalizeKey } from '@/lib/security/normalize-key';
import { authSecret } from '@/lib/security/auth-secret';
import { env } from '@/lib/env';
import { orders } from '@/lib/orders/schema';

/**
 * Caps on unpaid orders. An unpaid order holds its stock until it is paid or its payment window
 * passes, so without a cap one visitor could hold every copy of an edition. A new order is refused
 * when its visitor (the account, or for a guest the cart cookie), its email address or its client
 * IP already has as many unpaid orders as ORDER_UNPAID_PER_VISITOR / _PER_EMAIL / _PER_IP allow.
 * Clients whose IP is unknown (no TRUSTED_IP_HEADER, or a missing or unparsable value) share one
 * "unknown" bucket rather than escaping the per-IP cap.
 *
 * The holders are stored on the order as keyed hashes (HMAC with the session secret): they can be
 * compared, but neither an IP address nor an email address can be read back from them.
 */
export type UnpaidHolders = { visitor: string; email: string; ip: string };

export type UnpaidLimitHit = 'visitor' | 'email' | 'ip';

function holderKey(value: string): string {
  return createHmac('sha256', authSecret()).update(`unpaid-order:${value}`).digest('base64url').slice(0, 32);
}

export function unpaidHolders(input: {
  userId: number | null;
  cartId: string;
  email: string;
  ip: string | null;
}): UnpaidHolders {
  return {
    visitor: holderKey(input.userId !== null ? `user:${input.userId}` : `cart:${input.cartId}`),
    email: holderKey(`email:${normalizeKey(input.email)}`),
    ip: holderKey(`ip:${input.ip ?? 'unknown'}`),
  };
}

/**
 * Checks the caps for an order being placed (`orderId`, already inserted in this transaction with
 * its holders). Takes a transaction-scoped advisory lock per holder first (in one order, so two
 * checkouts cannot deadlock), so simultaneous checkouts of one holder are counted one after the
 * other and cannot all slip under the cap. Call it last in the order transaction: the locks are held
 * until commit. Counts unpaid orders whose payment window has not passed (the expiry job cancels the
 * others within a minute).
 */
export async function checkUnpaidLimits(
  tx: Transaction,
  orderId: number,
  holders: UnpaidHolders,
): Promise<UnpaidLimitHit | null> {
  for (const key of [holders.visitor, holders.email, holders.ip].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`unpaid:${key}`}, 0))`);
  }
  const count = (column: typeof orders.holdVisitor | typeof orders.holdEmail | typeof orders.holdIp, value: string) =>
    sql<number>`count(*) filter (where ${column} = ${value})`.mapWith(Number);
  const [counts] = await tx
    .select({
      visitor: count(orders.holdVisitor, holders.visitor),
      email: count(orders.holdEmail, holders.email),
      ip: count(orders.holdIp, holders.ip),
    })
    .from(orders)
    .where(
      and(
        eq(orders.status, 'pending_payment'),
        gt(orders.expiresAt, sql`now()`),
        ne(orders.id, orderId),
        or(eq(orders.holdVisitor, holders.visitor), eq(orders.holdEmail, holders.email), eq(orders.holdIp, holders.ip)),
      ),
    );
  // An aggregate without GROUP BY always returns one row.
  if (!counts) throw new Error('unpaid-limits: the count query returned no row');
  if (counts.visitor >= env.ORDER_UNPAID_PER_VISITOR) return 'visitor';
  if (counts.email >= env.ORDER_UNPAID_PER_EMAIL) return 'email';
  if (counts.ip >= env.ORDER_UNPAID_PER_IP) return 'ip';
  return null;
}
