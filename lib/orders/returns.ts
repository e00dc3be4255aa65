import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { text } from '@/lib/validation/text';
import { type Executor, getDb } from '@/db';
import { users } from '@/lib/accounts/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { recordOrderEvent } from './lifecycle';
import type { OrderActionResult } from './mutations';
import { getOrderForViewer } from './queries';
import { orderLines, orders, returnLines, returns } from './schema';
import { toLocale } from '@/lib/i18n/config';
import { must } from '@/lib/must';

/**
 * Return requests from shoppers (RMA). What may be returned is what was bought, less every unit
 * already in a return that is open or done: requested, approved, received and refunded returns
 * count; a rejected one gives its units back.
 */
export const COUNTED_RETURN_STATUSES = ['requested', 'approved', 'received', 'refunded'] as const;

const id = z.number().int().positive().max(2_147_483_647);

export const returnRequestSchema = z.object({
  /** One per form: a doubled or retried submission finds the return it already made. */
  requestKey: z.uuid('invalid'),
  reason: text(1000, { multiline: true }).min(3, 'returnReasonRequired'),
  lines: z
    .array(z.object({ orderLineId: id, quantity: z.number().int().min(1).max(1000) }))
    .min(1, 'returnLinesRequired')
    .max(100),
});

/** One entry per order line, quantities summed: a request body may name a line more than once. */
export function sumReturnLines(
  lines: { orderLineId: number; quantity: number }[],
): { orderLineId: number; quantity: number }[] {
  const sums = new Map<number, number>();
  for (const line of lines) sums.set(line.orderLineId, (sums.get(line.orderLineId) ?? 0) + line.quantity);
  return Array.from(sums, ([orderLineId, quantity]) => ({ orderLineId, quantity }));
}

/**
 * How many units of each line of an order can still be returned (digital and rental lines: none). Call it
 * with the order row locked, so that no other request for the same order is counted halfway.
 */
export async function returnableByLine(executor: Executor, orderId: number): Promise<Map<number, number>> {
  const [lines, taken] = await Promise.all([
    executor
      .select({ id: orderLines.id, quantity: orderLines.quantity, digital: orderLines.digital, kind: orderLines.kind })
      .from(orderLines)
      .where(eq(orderLines.orderId, orderId)),
    executor
      .select({
        orderLineId: returnLines.orderLineId,
        quantity: sql<number>`sum(${returnLines.quantity})`.mapWith(Number),
      })
      .from(returnLines)
      .innerJoin(returns, eq(returns.id, returnLines.returnId))
      .where(and(eq(returns.orderId, orderId), inArray(returns.status, [...COUNTED_RETURN_STATUSES])))
      .groupBy(returnLines.orderLineId),
  ]);
  const used = new Map(taken.map((row) => [row.orderLineId, row.quantity]));
  return new Map(
    lines.map((line) => [
      line.id,
      line.digital || line.kind === 'rental' ? 0 : Math.max(0, line.quantity - (used.get(line.id) ?? 0)),
    ]),
  );
}

type Outcome = 'created' | 'repeated' | 'cannotReturn' | 'tooMany';

/**
 * The shopper asks to return delivered items (within the return window): which lines, how many,
 * and why. In one transaction, with the order row locked (`FOR UPDATE`) so that simultaneous
 * requests are checked one after the other: the request key is looked up (a doubled submit returns
 * the first result), each line's summed quantity is checked against what is still returnable, then
 * the return, its lines (one row per order line, backed by a unique index), the order event and
 * the shopper's mail are written. Staff approve or reject it in the back office.
 */
export async function requestReturn(
  number: string,
  key: string | null | undefined,
  input: unknown,
): Promise<OrderActionResult> {
  const parsed = returnRequestSchema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'form');
    return { ok: false, error: 'invalid', fieldErrors: { [field]: parsed.error.issues[0]?.message ?? 'invalid' } };
  }
  const order = await getOrderForViewer(number, key);
  if (!order) return { ok: false, error: 'orderNotFound' };
  const wanted = sumReturnLines(parsed.data.lines);
  const user = await getCurrentUser();
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const [locked] = await tx
      .select({ status: orders.status, email: orders.email, locale: orders.locale, userId: orders.userId })
      .from(orders)
      .where(eq(orders.id, order.id))
      .for('update');
    // Read after the lock, in a statement of its own: a join in the locking statement would see the
    // account as it was when that statement started, before a deletion that held the lock.
    const [account] =
      locked?.userId != null
        ? await tx.select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, locked.userId))
        : [];
    const [earlier] = await tx
      .select({ id: returns.id })
      .from(returns)
      .where(and(eq(returns.orderId, order.id), eq(returns.requestKey, parsed.data.requestKey)));
    if (earlier) return 'repeated';
    // The return window and the delivery come from the view read just before; the status is re-read under the lock.
    // An account deleted meanwhile left nobody to send the return to (deletion waits for open returns).
    if (!locked || locked.status !== 'delivered' || !order.canReturn || account?.deletedAt) return 'cannotReturn';
    const returnable = await returnableByLine(tx, order.id);
    if (wanted.some((line) => line.quantity > (returnable.get(line.orderLineId) ?? 0))) return 'tooMany';

    const [inserted] = await tx
      .insert(returns)
      .values({ orderId: order.id, reason: parsed.data.reason, requestKey: parsed.data.requestKey })
      .returning({ id: returns.id });
    const created = must(inserted, 'the inserted return');
    await tx
      .insert(returnLines)
      .values(wanted.map((line) => ({ returnId: created.id, orderLineId: line.orderLineId, quantity: line.quantity })));
    await recordOrderEvent(
      tx,
      order.id,
      'return_requested',
      { kind: 'customer', userId: user?.id ?? null },
      { returnId: created.id },
    );
    if (locked.email) {
      await enqueueMail(tx, {
        to: locked.email,
        locale: toLocale(locked.locale),
        template: 'returnRequested',
        data: {
          name: user?.displayName ?? user?.username ?? '',
          number: order.number,
          orderUrl: secretLinks.order(order.id, order.number),
        },
        dedupeKey: `return-requested:${created.id}`,
        userId: locked.userId ?? undefined,
      });
    }
    return 'created';
  });
  if (outcome === 'created') sendMailSoon();
  if (outcome === 'cannotReturn') return { ok: false, error: 'cannotReturn' };
  if (outcome === 'tooMany') return { ok: false, error: 'invalid', fieldErrors: { lines: 'returnQuantity' } };
  return { ok: true };
}
