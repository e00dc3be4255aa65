import 'server-only';
import { and, eq, gte, isNull, notExists, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { users } from '@/lib/accounts/schema';
import { products } from '@/lib/catalog/schema';
import { getBuildState } from './queries';
import { rebuildRecommendations, type RebuildOptions, type RebuildSummary } from './rebuild';
import { interactionEvents } from './schema';
import { rebuildDue, REBUILD_POLICY, type RebuildPolicy } from './state';

/** Who viewed: a signed-in user, or an anonymous visitor id (the first-party cookie). */
export type Viewer = { userId: number | null; visitorId: string | null };

const VISITOR_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Records that a shopper viewed a product, at most once per shopper, product and UTC day, and never
 * for a user who turned personalisation off, nor for a product that is not active. The check and
 * the insert are one statement, and a transaction-scoped advisory lock on (shopper, product) makes
 * two simultaneous beacons of the same page record it once. Returns whether a row was written.
 * Callers run it after the response (`after()`), so a view never slows a page down.
 */
export async function recordProductView(viewer: Viewer, productId: number): Promise<boolean> {
  const visitorId = viewer.visitorId && VISITOR_ID.test(viewer.visitorId) ? viewer.visitorId : null;
  if (!viewer.userId && !visitorId) return false;
  if (!Number.isInteger(productId) || productId <= 0) return false;
  const who = viewer.userId
    ? eq(interactionEvents.userId, viewer.userId)
    : and(eq(interactionEvents.visitorId, visitorId ?? ''), isNull(interactionEvents.userId));
  const key = `${viewer.userId ? `u${viewer.userId}` : `v${visitorId}`}:${productId}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Held until commit: a second beacon for the same shopper and product waits, then finds this view.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const viewedToday = tx
      .select({ id: interactionEvents.id })
      .from(interactionEvents)
      .where(
        and(
          who,
          eq(interactionEvents.productId, productId),
          eq(interactionEvents.type, 'view'),
          gte(interactionEvents.createdAt, sql`date_trunc('day', now() at time zone 'utc') at time zone 'utc'`),
        ),
      );
    const [recordable] = await tx
      .select({ id: products.id })
      .from(products)
      .where(
        and(
          eq(products.id, productId),
          eq(products.status, 'active'),
          sql`coalesce((select ${users.personalization} from ${users} where ${users.id} = ${viewer.userId ?? 0}), true)`,
          notExists(viewedToday),
        ),
      );
    if (!recordable) return false;
    await tx
      .insert(interactionEvents)
      .values({ userId: viewer.userId, visitorId: viewer.userId ? null : visitorId, productId, type: 'view' });
    return true;
  });
}

/**
 * The account-centre switch: whether the user's history shapes their recommendations. Off, they see
 * popular items and their views are no longer recorded. The caller has authenticated `userId`.
 */
export async function setPersonalization(userId: number, enabled: boolean): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ personalization: enabled, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/**
 * The background job: rebuilds when enough new events arrived (or new products), or when anything
 * changed and the tables are older than the policy allows; returns null when nothing was due or
 * another instance was rebuilding. Safe on several instances at once (the rebuild's advisory lock).
 */
export async function rebuildIfDue(
  options: RebuildOptions & { policy?: RebuildPolicy; executor?: Executor } = {},
): Promise<RebuildSummary | null> {
  const db = options.executor ?? (await getDb());
  const { state, current } = await getBuildState(db);
  if (!rebuildDue(state, current, Date.now(), options.policy ?? REBUILD_POLICY)) return null;
  const summary = await rebuildRecommendations(db, options);
  return summary.ran ? summary : null;
}

/**
 * Rebuilds now, on the app's database (the admin route, the CLI). The caller has authorised it;
 * inside a request it then calls refreshRecommendationCaches().
 */
export async function rebuildRecommendationsNow(options: RebuildOptions = {}): Promise<RebuildSummary> {
  return rebuildRecommendations(await getDb(), options);
}
