import 'server-only';
import { sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '@/db';

import { recordProductView } from './mutations';
import { readVisitorId, VISITOR_COOKIE } from './visitor';

export { VISITOR_COOKIE };

type Signal = {
  type: 'view' | 'add_to_cart' | 'wishlist' | 'rating';
  productId?: number;
  editionId?: number;
  value?: number;
  user: { id: number } | null;
};

/**
 * Records a shopper signal for recommendations after the response has been sent, so recording never
 * slows a page or an action down. Anonymous visitors are recorded under their visitor cookie.
 */
export async function recordInteraction(signal: Signal): Promise<void> {
  const visitorId = signal.user ? null : readVisitorId((await cookies()).get(VISITOR_COOKIE)?.value);
  if (!signal.user && !visitorId) return;
  if (signal.type === 'view' && signal.productId) {
    // Views have their own rules: once a day, never when personalisation is off.
    const productId = signal.productId;
    after(() => recordProductView({ userId: signal.user?.id ?? null, visitorId }, productId).then(() => {}));
    return;
  }
  after(async () => {
    const db = await getDb();
    const product = signal.productId
      ? sql`${signal.productId}::int`
      : sql`(select product_id from editions where id = ${signal.editionId ?? 0})`;
    await db.execute(sql`insert into interaction_events (user_id, visitor_id, product_id, type, value)
      select ${signal.user?.id ?? null}, ${visitorId}, ${product}, ${signal.type}, ${signal.value ?? null}
      where ${product} is not null`);
  });
}

/** At sign-in: the anonymous visitor's signals become the user's (`cookie`: the signed visitor cookie). */
export async function linkVisitorToUser(cookie: string | undefined, userId: number): Promise<void> {
  const visitorId = readVisitorId(cookie);
  if (!visitorId) return;
  const db = await getDb();
  await db.execute(
    sql`update interaction_events set user_id = ${userId} where visitor_id = ${visitorId} and user_id is null`,
  );
}
