import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { type Database, pick, type Transaction } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { digitalFiles, downloads, entitlements } from '@/lib/library/schema';
import { orders } from '@/lib/orders/schema';

// The digital library in the data export and in account deletion (lib/privacy/export.ts,
// delete-account.ts): what the account owns and every download it started, with the client address.

/** The most entitlements, and downloads, one export holds (newest first); beyond that the file says it was cut. */
export const EXPORT_MAX_LIBRARY = 2_000;

/** The account's entitlements (title, edition, order, how and when granted or revoked) and its downloads (file, address, bytes, when). */
export async function exportLibrary(db: Database, userId: number) {
  const [owned, fetched] = await Promise.all([
    db
      .select({
        product: products.slug,
        title: products.title,
        ...pick(editions, 'sku format'),
        order: orders.number,
        ...pick(entitlements, 'source status grantedAt revokedAt'),
      })
      .from(entitlements)
      .innerJoin(editions, eq(editions.id, entitlements.editionId))
      .innerJoin(products, eq(products.id, editions.productId))
      .leftJoin(orders, eq(orders.id, entitlements.orderId))
      .where(eq(entitlements.userId, userId))
      .orderBy(desc(entitlements.grantedAt), desc(entitlements.id))
      .limit(EXPORT_MAX_LIBRARY + 1),
    db
      .select({ file: digitalFiles.title, format: digitalFiles.format, ...pick(downloads, 'ip bytes startedAt') })
      .from(downloads)
      .innerJoin(digitalFiles, eq(digitalFiles.id, downloads.fileId))
      .where(eq(downloads.userId, userId))
      .orderBy(desc(downloads.startedAt), desc(downloads.id))
      .limit(EXPORT_MAX_LIBRARY + 1),
  ]);
  return {
    entitlements: owned.slice(0, EXPORT_MAX_LIBRARY),
    downloads: fetched.slice(0, EXPORT_MAX_LIBRARY),
    truncated: [
      ...(owned.length > EXPORT_MAX_LIBRARY ? ['entitlements'] : []),
      ...(fetched.length > EXPORT_MAX_LIBRARY ? ['downloads'] : []),
    ],
  };
}

/**
 * In the deletion's transaction: the account's downloads lose their client address (the log of what
 * was downloaded stays, like orders, for the counts and the rights holders). Returns how many rows.
 */
export async function forgetDownloadAddresses(tx: Transaction, userId: number): Promise<number> {
  const rows = await tx
    .update(downloads)
    .set({ ip: null })
    .where(eq(downloads.userId, userId))
    .returning({ id: downloads.id });
  return rows.length;
}
