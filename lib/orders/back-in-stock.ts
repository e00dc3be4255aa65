import 'server-only';
import type { Transaction } from '@/db';
import { sendMailSoon } from '@/lib/mail/mutations';
import { notifyWishlistsForEdition } from '@/lib/wishlist/notifications';

/**
 * Called inside the transaction that brought an edition back in stock (its stock went from zero to
 * more than zero: a restock or positive correction in /admin/stock, or a resellable return), after
 * the stock and the ledger row are written. Shoppers who wished the product get their back-in-stock
 * mail at once instead of at the next run of the wishlist job; the mails are deduplicated, so the job
 * never sends them twice, and a refused address never rolls the stock change back. Delivery starts
 * after the response (`after()`), when the transaction has committed.
 *
 * It lives here because orders is the lowest domain that sees both the wishlists and the mail; stock
 * adjustments (lib/inventory/adjust.ts, below both) take it as a parameter from their server action.
 */
export async function afterRestock(tx: Transaction, editionId: number): Promise<void> {
  if ((await notifyWishlistsForEdition(tx, editionId)) > 0) sendMailSoon();
}
