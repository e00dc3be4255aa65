import 'server-only';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { notFound, throttled, withinReauthLimit } from '@/lib/accounts/account';
import { type Result } from '@/lib/accounts/mutations';
import { verifyPassword } from '@/lib/accounts/passwords';
import { addresses, oauthAccounts, passwordResetTokens, sessions, users } from '@/lib/accounts/schema';
import { fieldErrors, PASSWORD_MAX } from '@/lib/accounts/validation';
import { carts } from '@/lib/cart/schema';
import { deleteMailOf } from '@/lib/mail/mutations';
import { lockOrdersAndCheckOpenReturns, userHasOpenReturn } from '@/lib/orders/open-returns';
import { orders } from '@/lib/orders/schema';
import { interactionEvents } from '@/lib/recommendations/schema';
import { hasRentalsOut, leaveRentalWaitlists } from './delete-rentals';
import { forgetDownloadAddresses } from './library';
import { expireProductReviews } from '@/lib/reviews/invalidate';
import { listReviewedProducts } from '@/lib/reviews/mutations';
import { normalizeKey } from '@/lib/security/normalize-key';
import { safeString } from '@/lib/validation/text';
import { wishlistItems, wishlistNotifications } from '@/lib/wishlist/schema';

// Deleting an account reaches into every domain that keeps something of a person (orders, mail,
// carts, signals, wishlists, reviews), so it lives here with the data export, above them all.

export const deleteAccountSchema = z.object({
  confirmation: safeString({ message: 'confirmationWrong' }).min(1, 'required').max(PASSWORD_MAX, 'confirmationWrong'),
});

/**
 * Deletes the user's account. `confirmation` is the current password, or, for an account without
 * one (OAuth only), the username. In one transaction: every personal field of the user row is
 * cleared (username becomes `deleted-<id>`; email, display name, password, language become null),
 * `deletedAt` is set and the session version bumped; addresses, OAuth links, reset links, sessions
 * and the account's mail in the outbox (tagged with it, or to its address) are deleted. The row itself stays, so that orders keep
 * pointing at it; the email address and username are free to register again.
 * Refused while an order is on its way, a return is open (requested, approved or received), or a
 * rental is held or out (reserved, or with the shopper): the store needs the address until then.
 * Rentals stay (like orders), places in rental waitlists are deleted.
 * Admin accounts cannot be deleted here (the store must not lose its last admin by accident).
 */
export async function deleteAccount(userId: number, input: unknown): Promise<Result> {
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  const [user] = await db
    .select({ passwordHash: users.passwordHash, usernameKey: users.usernameKey, role: users.role, email: users.email })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) return notFound;
  if (user.role === 'admin') return { ok: false, fieldErrors: { form: 'adminCannotDelete' } };
  // Orders on their way keep their contact address until they arrive or are cancelled.
  const [open] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(eq(orders.userId, userId), inArray(orders.status, ['pending_payment', 'paid', 'shipped', 'needs_review'])),
    )
    .limit(1);
  if (open) return { ok: false, fieldErrors: { form: 'ordersInProgress' } };
  // The same rule for rentals: a disc held for the shopper or with them keeps the account until it is back.
  if (await hasRentalsOut(db, userId)) return { ok: false, fieldErrors: { form: 'rentalsOut' } };
  // A return being handled needs the customer's address until it is refunded or rejected.
  if (await userHasOpenReturn(userId)) return { ok: false, fieldErrors: { form: 'returnOpen' } };
  if (!(await withinReauthLimit(userId))) return throttled;
  const confirmed = user.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.confirmation)
    : normalizeKey(parsed.data.confirmation) === user.usernameKey;
  if (!confirmed) {
    return { ok: false, fieldErrors: { confirmation: user.passwordHash ? 'passwordWrong' : 'usernameWrong' } };
  }
  const deleted = await db.transaction(async (tx) => {
    // Checked again with the orders locked: a return requested meanwhile is seen here, or waits and is refused.
    if (await lockOrdersAndCheckOpenReturns(tx, userId)) return 'returnOpen' as const;
    if (await hasRentalsOut(tx, userId)) return 'rentalsOut' as const;
    // Someone may have registered the placeholder name itself; then a suffix keeps it unique.
    let placeholder = `deleted-${userId}`;
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.usernameKey, placeholder), ne(users.id, userId)));
    if (clash) placeholder = `deleted-${userId}-${crypto.randomUUID().slice(0, 8)}`;
    const [row] = await tx
      .update(users)
      .set({
        username: placeholder,
        usernameKey: placeholder,
        email: null,
        emailKey: null,
        displayName: null,
        blindIndex: null,
        passwordHash: null,
        preferredLocale: null,
        deletedAt: new Date(),
        updatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (!row) return false;
    await tx.delete(addresses).where(eq(addresses.userId, userId));
    await tx.delete(oauthAccounts).where(eq(oauthAccounts.userId, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    // Its mail too: tagged with the account, or sent to its address (orders it placed as a guest).
    await deleteMailOf(tx, { userId, email: user.email });
    // Orders stay (accounting, tax, returns) but lose the contact address; the account's signals go.
    await tx
      .update(orders)
      .set({ email: null, updatedAt: sql`now()` })
      .where(eq(orders.userId, userId));
    await tx.delete(interactionEvents).where(eq(interactionEvents.userId, userId));
    await tx.delete(carts).where(eq(carts.userId, userId));
    // The wishlist goes. Reviews stay (other shoppers relied on them) but are anonymized: with the name
    // cleared above they show as "Deleted account" (lib/reviews/queries.ts).
    await tx.delete(wishlistItems).where(eq(wishlistItems.userId, userId));
    await tx.delete(wishlistNotifications).where(eq(wishlistNotifications.userId, userId));
    // Places in rental waitlists go too (a copy held for an offer goes back on the shelf); rentals stay, as orders do.
    await leaveRentalWaitlists(tx, userId, new Date());
    // The digital library's download log keeps what was downloaded, not from which address.
    await forgetDownloadAddresses(tx, userId);
    return true;
  });
  if (deleted === 'returnOpen') return { ok: false, fieldErrors: { form: 'returnOpen' } };
  if (deleted === 'rentalsOut') return { ok: false, fieldErrors: { form: 'rentalsOut' } };
  if (deleted) expireProductReviews(await listReviewedProducts(db, userId));
  return deleted ? { ok: true } : notFound;
}
