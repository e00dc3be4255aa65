import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { grantForPaidOrder, revokeForOrder } from '@/lib/library/entitlements';
import { takeDownload } from '@/lib/library/downloads';
import { setLibraryStorage } from '@/lib/library/storage';
import { createLocalStorage } from '@/lib/storage/local';
import { deleteAccount } from '@/lib/privacy/delete-account';
import { exportMyData } from '@/lib/privacy/export';
import { cancelPaidOrder } from '@/lib/orders/mutations';
import { refundOrder } from '@/lib/orders/refunds';
import { itOnPostgres } from '../support/concurrency';
import { addDigitalFile, entitlementsOf, libraryOrder } from '../support/library';
import { requestContext, signInAs } from '../support/request-context';
import { rowOf } from '../support/rows';
import { TEST_PASSWORD } from '../support/users';
import { createTestShopper } from '../support/users';

// Entitlements of the digital library (issue 17): granted by the paid-order path once per line,
// revoked when the paid order is cancelled or refunded in full.

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let admin: { id: number; role: 'admin' };

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'encore-library-'));
  setLibraryStorage(createLocalStorage(dir));
  const staff = await createTestShopper({ role: 'admin', prefix: 'libadmin' });
  admin = { id: staff.id, role: 'admin' };
});

afterAll(async () => {
  setLibraryStorage(null);
  await fs.rm(dir, { recursive: true, force: true });
});

describe('granting', () => {
  it('grants one bundled entitlement when an order of an edition that includes its download is paid', async () => {
    const { shopper, orderId, editionId } = await libraryOrder();
    expect(await entitlementsOf(orderId)).toEqual([
      { id: expect.any(Number), userId: shopper.id, editionId, source: 'bundled', status: 'active' },
    ]);
  });

  it('grants a purchase entitlement for a digital line', async () => {
    const { orderId } = await libraryOrder({ digitalLine: true });
    expect((await entitlementsOf(orderId)).map((row) => row.source)).toEqual(['purchase']);
  });

  it('grants nothing before payment, nor for an edition without a download', async () => {
    const unpaid = await libraryOrder({ pay: false });
    expect(await entitlementsOf(unpaid.orderId)).toEqual([]);
    const db = await getDb();
    await db.execute(sql`update editions set includes_download = false where id = ${unpaid.editionId}`);
    expect(await db.transaction((tx) => grantForPaidOrder(tx, unpaid.orderId))).toBe(0);
  });

  it('grants once when the fulfilment runs again', async () => {
    const { orderId } = await libraryOrder();
    const db = await getDb();
    expect(await db.transaction((tx) => grantForPaidOrder(tx, orderId))).toBe(0);
    expect(await entitlementsOf(orderId)).toHaveLength(1);
  });

  itOnPostgres('grants one entitlement when the fulfilment runs 5 times at once', async () => {
    const { orderId } = await libraryOrder({ pay: false });
    const db = await getDb();
    const granted = await Promise.all(
      Array.from({ length: 5 }, () => db.transaction((tx) => grantForPaidOrder(tx, orderId))),
    );
    expect(granted.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(await entitlementsOf(orderId)).toHaveLength(1);
  });
});

describe('revoking', () => {
  it('revokes when the paid order is cancelled (refunded in full)', async () => {
    const { shopper, orderId } = await libraryOrder();
    expect(await cancelPaidOrder(orderId, { kind: 'customer', userId: shopper.id }, 'customer')).toMatchObject({
      ok: true,
    });
    expect((await entitlementsOf(orderId)).map((row) => row.status)).toEqual(['revoked']);
  });

  it('keeps the entitlement through a partial refund and revokes it at the full one', async () => {
    const { orderId, totalMinor } = await libraryOrder();
    expect(await refundOrder(admin, { orderId, amountMinor: 100, reason: 'scratch' })).toMatchObject({ ok: true });
    expect((await entitlementsOf(orderId)).map((row) => row.status)).toEqual(['active']);
    expect(await refundOrder(admin, { orderId, amountMinor: totalMinor - 100, reason: 'rest' })).toMatchObject({
      ok: true,
    });
    expect((await entitlementsOf(orderId)).map((row) => row.status)).toEqual(['revoked']);
  });

  it('revokes once: a second run changes nothing', async () => {
    const { orderId } = await libraryOrder();
    const db = await getDb();
    expect(await db.transaction((tx) => revokeForOrder(tx, orderId))).toBe(1);
    expect(await db.transaction((tx) => revokeForOrder(tx, orderId))).toBe(0);
  });
});

describe('personal data', () => {
  it('the export lists the library and its downloads; deleting the account forgets their addresses', async () => {
    requestContext.reset();
    const { shopper, orderId, editionId } = await libraryOrder();
    const [entitlement] = await entitlementsOf(orderId);
    const { fileId } = await addDigitalFile(editionId, { title: 'Night Song' });
    const taken = await takeDownload({
      entitlementId: entitlement!.id,
      fileId,
      userId: shopper.id,
      ip: '198.51.100.23',
      bytes: 42,
      now: new Date(),
    });
    expect(taken).toMatchObject({ ok: true, used: 1 });
    await signInAs(shopper.id);
    const exported = await exportMyData();
    if (!exported.ok) throw new Error('no export');
    expect(exported.data.entitlements).toEqual([
      expect.objectContaining({ source: 'bundled', status: 'active', order: expect.stringMatching(/^EN-/) }),
    ]);
    expect(exported.data.downloads).toEqual([
      expect.objectContaining({ file: 'Night Song', format: 'flac', ip: '198.51.100.23', bytes: 42 }),
    ]);
    // An order still on its way keeps the account: this one arrived.
    await (await getDb()).execute(sql`update orders set status = 'delivered' where id = ${orderId}`);
    expect(await deleteAccount(shopper.id, { confirmation: TEST_PASSWORD })).toEqual({ ok: true });
    expect(
      await rowOf<{ ip: string | null; bytes: number }>(
        sql`select ip, bytes::int as bytes from downloads where user_id = ${shopper.id}`,
      ),
    ).toEqual({ ip: null, bytes: 42 });
  });
});
