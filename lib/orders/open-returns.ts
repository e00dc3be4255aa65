import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { type Executor, getDb, type Transaction } from '@/db';
import { orders, returns } from './schema';

/** Returns still being handled: the store may need to reach the shopper until they are refunded or rejected. */
export const OPEN_RETURN_STATUSES = ['requested', 'approved', 'received'] as const;

async function anyOpenReturn(executor: Executor, userId: number): Promise<boolean> {
  const [row] = await executor
    .select({ id: returns.id })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(and(eq(orders.userId, userId), inArray(returns.status, [...OPEN_RETURN_STATUSES])))
    .limit(1);
  return Boolean(row);
}

/** Whether any order of this account has a return that is not finished (for pages and early checks). */
export async function userHasOpenReturn(userId: number): Promise<boolean> {
  return anyOpenReturn(await getDb(), userId);
}

/**
 * The same check inside a transaction that is about to change the account: the account's orders are
 * locked first (`FOR UPDATE`), and a return request locks its order too, so a request running at the
 * same moment is either seen here or made to wait until this transaction is over.
 */
export async function lockOrdersAndCheckOpenReturns(tx: Transaction, userId: number): Promise<boolean> {
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.userId, userId)).orderBy(orders.id).for('update');
  return anyOpenReturn(tx, userId);
}
