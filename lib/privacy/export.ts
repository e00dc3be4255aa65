import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { type Database, getDb, pick } from '@/db';
import { openAddress, openDisplayName } from '@/lib/accounts/sealed';
import { addresses, oauthAccounts, passwordResetTokens, sessions, users } from '@/lib/accounts/schema';
import { requireUser } from '@/lib/auth/session';
import { cartLines, carts } from '@/lib/cart/schema';
import { editions, products } from '@/lib/catalog/schema';
import { listMailOfAccount } from '@/lib/mail/queries';
import { interactionEvents } from '@/lib/recommendations/schema';
import { reviews } from '@/lib/reviews/schema';
import { consumeRateLimits } from '@/lib/security/rate-limit';
import { wishlistItems, wishlistNotifications } from '@/lib/wishlist/schema';
import { EXPORT_MAX_ORDERS, exportOrders } from './export-orders';
import { EXPORT_MAX_RENTALS, exportRentals } from './export-rentals';
import { EXPORT_MAX_LIBRARY, exportLibrary } from './library';

/**
 * "Download my data" (account centre): everything the store holds about the signed-in shopper, as
 * one JSON document — profile, sign-in methods, sessions and reset links (dates and devices, never a
 * secret), the address book, orders with their lines, timeline, shipments, refunds and returns,
 * rentals and rental waitlist places, the digital library (entitlements, downloads), reviews, wishlist and its alerts, the cart, the interaction history behind recommendations, and
 * the mail sent to the account. Encrypted fields are decrypted. Only rows tied to this account: no
 * guest order or mail that merely used the same email address.
 *
 * Very long histories are cut at the limits below (newest kept) and the file lists what was cut.
 */
export const EXPORT_LIMITS = {
  orders: EXPORT_MAX_ORDERS,
  rentals: EXPORT_MAX_RENTALS,
  library: EXPORT_MAX_LIBRARY,
  interactionEvents: 20_000,
  mail: 1_000,
  sessions: 500,
} as const;

/** Exports per account and hour: the file is built from many queries, so it is not for polling. */
export const EXPORT_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

export const EXPORT_FORMAT = 'encore-personal-data/1';

export type PersonalDataExport = NonNullable<Awaited<ReturnType<typeof collectPersonalData>>>;

export type ExportResult =
  | { ok: true; filename: string; data: PersonalDataExport }
  | { ok: false; error: 'throttled'; retryAfterSeconds: number };

/**
 * The signed-in user's data export. Authenticates itself (requireUser throws AuthError for a
 * visitor) and counts against EXPORT_RATE_LIMIT.
 */
export async function exportMyData(now = new Date()): Promise<ExportResult> {
  const user = await requireUser();
  const limit = await consumeRateLimits([{ key: `export:${user.id}`, ...EXPORT_RATE_LIMIT }]);
  if (!limit.allowed) return { ok: false, error: 'throttled', retryAfterSeconds: limit.retryAfterSeconds };
  const data = await collectPersonalData(await getDb(), user.id, now);
  if (!data) throw new Error('the signed-in account disappeared during the export');
  const day = now.toISOString().slice(0, 10);
  const safeName = user.username.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 40) || 'account';
  return { ok: true, filename: `encore-data-${safeName}-${day}.json`, data };
}

/** The product a row is about, by slug and title. */
const productOf = { product: products.slug, productTitle: products.title };

const capped = <T>(rows: T[], max: number) => ({ rows: rows.slice(0, max), truncated: rows.length > max });

/**
 * Every table that holds the user's data, read side by side. One function (~110 lines) on purpose:
 * the export's type is inferred from these queries, and the list is what a reviewer checks against
 * the schema, so it stays in one place.
 */
async function collectPersonalData(db: Database, userId: number, now: Date) {
  const [profile] = await db
    .select({
      ...pick(users, 'username email displayName role preferredLocale personalization'),
      hasPassword: users.passwordHash,
      ...pick(users, 'createdAt updatedAt'),
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!profile) return null;

  const [
    book,
    linked,
    sessionRows,
    resets,
    orderPart,
    rentalPart,
    libraryPart,
    reviewRows,
    wished,
    alerts,
    cart,
    events,
    mail,
  ] = await Promise.all([
    db
      .select(pick(addresses, 'fullName line1 line2 city region postalCode country phone isDefault createdAt'))
      .from(addresses)
      .where(eq(addresses.userId, userId))
      .orderBy(asc(addresses.createdAt), asc(addresses.id)),
    db
      .select(pick(oauthAccounts, 'provider providerAccountId createdAt'))
      .from(oauthAccounts)
      .where(eq(oauthAccounts.userId, userId)),
    db
      .select(pick(sessions, 'createdAt revokedAt userAgent'))
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt))
      .limit(EXPORT_LIMITS.sessions + 1),
    db
      .select(pick(passwordResetTokens, 'createdAt expiresAt usedAt'))
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, userId))
      .orderBy(desc(passwordResetTokens.createdAt)),
    exportOrders(db, userId),
    exportRentals(db, userId),
    exportLibrary(db, userId),
    db
      .select({
        ...productOf,
        ...pick(reviews, 'rating title body verifiedPurchase status createdAt updatedAt'),
      })
      .from(reviews)
      .innerJoin(products, eq(products.id, reviews.productId))
      .where(eq(reviews.userId, userId))
      .orderBy(desc(reviews.createdAt)),
    db
      .select({ ...productOf, ...pick(wishlistItems, 'priceSeenMinor createdAt') })
      .from(wishlistItems)
      .innerJoin(products, eq(products.id, wishlistItems.productId))
      .where(eq(wishlistItems.userId, userId))
      .orderBy(desc(wishlistItems.createdAt)),
    db
      .select({ kind: wishlistNotifications.kind, sku: editions.sku, createdAt: wishlistNotifications.createdAt })
      .from(wishlistNotifications)
      .innerJoin(editions, eq(editions.id, wishlistNotifications.editionId))
      .where(eq(wishlistNotifications.userId, userId))
      .orderBy(desc(wishlistNotifications.createdAt)),
    db
      .select({
        ...productOf,
        ...pick(editions, 'sku format'),
        ...pick(cartLines, 'kind quantity priceSeenMinor'),
        addedAt: cartLines.createdAt,
      })
      .from(cartLines)
      .innerJoin(carts, eq(carts.id, cartLines.cartId))
      .innerJoin(editions, eq(editions.id, cartLines.editionId))
      .innerJoin(products, eq(products.id, editions.productId))
      .where(eq(carts.userId, userId))
      .orderBy(asc(cartLines.id)),
    db
      .select({ type: interactionEvents.type, product: products.slug, ...pick(interactionEvents, 'value createdAt') })
      .from(interactionEvents)
      .innerJoin(products, eq(products.id, interactionEvents.productId))
      .where(eq(interactionEvents.userId, userId))
      .orderBy(desc(interactionEvents.createdAt))
      .limit(EXPORT_LIMITS.interactionEvents + 1),
    // The mail tagged with this account, decrypted by lib/mail (secret links left out).
    listMailOfAccount(userId, EXPORT_LIMITS.mail + 1),
  ]);

  const sessionList = capped(sessionRows, EXPORT_LIMITS.sessions);
  const eventList = capped(events, EXPORT_LIMITS.interactionEvents);
  const mailList = capped(mail, EXPORT_LIMITS.mail);
  const truncated = [
    ...(orderPart.truncated ? ['orders'] : []),
    ...rentalPart.truncated,
    ...libraryPart.truncated,
    ...(sessionList.truncated ? ['sessions'] : []),
    ...(eventList.truncated ? ['interactionEvents'] : []),
    ...(mailList.truncated ? ['mail'] : []),
  ];
  const { hasPassword, displayName, ...account } = profile;
  return {
    format: EXPORT_FORMAT,
    exportedAt: now,
    limits: EXPORT_LIMITS,
    /** Sections cut at their limit (the newest entries kept). */
    truncated,
    profile: { ...account, displayName: openDisplayName(displayName), hasPassword: hasPassword !== null },
    signInProviders: linked,
    sessions: sessionList.rows,
    passwordResetRequests: resets,
    addresses: book.map(openAddress),
    orders: orderPart.orders,
    rentals: rentalPart.rentals,
    rentalWaitlist: rentalPart.waitlist,
    entitlements: libraryPart.entitlements,
    downloads: libraryPart.downloads,
    reviews: reviewRows,
    wishlist: wished,
    wishlistAlerts: alerts,
    cart,
    interactionEvents: eventList.rows,
    mail: mailList.rows,
  };
}
