import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { applyPaymentSucceeded } from '@/lib/orders/lifecycle';
import { libraryStorage } from '@/lib/library/storage';
import { checkoutContext, createCart, createTestEdition, guestCheckout } from './commerce';
import { createTestShopper } from './users';

/** Fixtures for the digital library: paid orders that grant entitlements, and files in storage. */

/**
 * A signed-in shopper's order of one physical edition that includes its download (the way a shopper
 * gets a digital entitlement today: digital editions are not sold until downloads work end to end).
 * With `digitalLine`, the order's line is marked digital before payment (a digital purchase).
 * Paid unless `pay` is false.
 */
export async function libraryOrder(
  options: { pay?: boolean; digitalLine?: boolean; priceMinor?: number } = {},
): Promise<{ shopper: SessionUser; orderId: number; editionId: number; totalMinor: number }> {
  // A new shopper each time: an account has one cart.
  const shopper = await createTestShopper({ prefix: 'lib' });
  const { editionId } = await createTestEdition({ stock: 5, priceMinor: options.priceMinor ?? 1000 });
  const db = await getDb();
  await db.execute(sql`update editions set includes_download = ${!options.digitalLine} where id = ${editionId}`);
  const placed = await placeOrder(
    guestCheckout({ email: shopper.email }),
    checkoutContext(await createCart([{ editionId, quantity: 1 }], shopper.id), { user: shopper }),
  );
  if (!placed.ok) throw new Error(`not placed: ${placed.error}`);
  if (options.digitalLine)
    await db.execute(sql`update order_lines set digital = true where order_id = ${placed.orderId}`);
  const { totalMinor } = await queryRow<{ totalMinor: number }>(
    db,
    sql`select total_minor as "totalMinor" from orders where id = ${placed.orderId}`,
  );
  if (options.pay !== false) {
    const outcome = await db.transaction((tx) =>
      applyPaymentSucceeded(tx, {
        orderId: placed.orderId,
        amountMinor: totalMinor,
        currency: 'USD',
        provider: 'demo',
      }),
    );
    expect(outcome).toBe('paid');
  }
  return { shopper, orderId: placed.orderId, editionId, totalMinor };
}

export type EntitlementRow = { id: number; userId: number; editionId: number; source: string; status: string };

export async function entitlementsOf(orderId: number): Promise<EntitlementRow[]> {
  return queryRows<EntitlementRow>(
    await getDb(),
    sql`select id, user_id as "userId", edition_id as "editionId", source, status
      from entitlements where order_id = ${orderId} order by id`,
  );
}

/** Stores `bytes` through the configured storage adapter and records them as a file of the edition. */
export async function addDigitalFile(
  editionId: number,
  options: { bytes?: Uint8Array; title?: string; format?: 'flac' | 'mp3_320'; position?: number } = {},
): Promise<{ fileId: number; bytes: Uint8Array; storageKey: string }> {
  const bytes = options.bytes ?? new Uint8Array(randomBytes(64 * 1024));
  const format = options.format ?? 'flac';
  const storageKey = `library/${editionId}/${randomBytes(8).toString('hex')}.${format === 'flac' ? 'flac' : 'mp3'}`;
  await libraryStorage().putObject(storageKey, bytes, 'application/octet-stream');
  const file = await queryRow<{ id: number }>(
    await getDb(),
    sql`insert into digital_files (edition_id, kind, position, title, format, storage_key, byte_size, content_type, sha256)
      values (${editionId}, 'track', ${options.position ?? 1}, ${options.title ?? 'Track One'}, ${format}, ${storageKey},
        ${bytes.byteLength}, ${format === 'flac' ? 'audio/flac' : 'audio/mpeg'}, ${createHash('sha256').update(bytes).digest('hex')})
      returning id`,
  );
  return { fileId: file.id, bytes, storageKey };
}

/** The count row of an entitlement's file (used 0 when there is none) and how many downloads were logged. */
export async function downloadState(entitlementId: number, fileId: number) {
  return queryRow<{ used: number; logged: number }>(
    await getDb(),
    sql`select coalesce((select used from download_counts where entitlement_id = ${entitlementId} and file_id = ${fileId}), 0) as used,
      (select count(*)::int from downloads where entitlement_id = ${entitlementId} and file_id = ${fileId}) as logged`,
  );
}
