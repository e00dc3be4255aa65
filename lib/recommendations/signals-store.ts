import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { after } from 'next/server';
import { getDb } from '@/db';
import { editions } from '@/lib/catalog/schema';

import { recordProductView } from './mutations';
import { interactionEvents } from './schema';
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
    const productId = signal.productId ?? (await productOfEdition(signal.editionId));
    if (productId === null) return;
    await db.insert(interactionEvents).values({
      userId: signal.user?.id ?? null,
      visitorId,
      productId,
      type: signal.type,
      value: signal.value ?? null,
    });
  });
}

/** The product of an edition, or null when there is no such edition. */
async function productOfEdition(editionId: number | undefined): Promise<number | null> {
  if (editionId === undefined) return null;
  const db = await getDb();
  const [edition] = await db.select({ productId: editions.productId }).from(editions).where(eq(editions.id, editionId));
  return edition?.productId ?? null;
}

/** At sign-in: the anonymous visitor's signals become the user's (`cookie`: the signed visitor cookie). */
export async function linkVisitorToUser(cookie: string | undefined, userId: number): Promise<void> {
  const visitorId = readVisitorId(cookie);
  if (!visitorId) return;
  const db = await getDb();
  await db
    .update(interactionEvents)
    .set({ userId })
    .where(and(eq(interactionEvents.visitorId, visitorId), isNull(interactionEvents.userId)));
}
