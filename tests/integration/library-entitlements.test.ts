import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { grantForPaidOrder, revokeForOrder } from '@/lib/library/entitlements';
import { cancelPaidOrder } from '@/lib/orders/mutations';
import { refundOrder } from '@/lib/orders/refunds';
import { itOnPostgres } from '../support/concurrency';
import { entitlementsOf, libraryOrder } from '../support/library';
import { createTestShopper } from '../support/users';

// Entitlements of the digital library (issue 17): granted by the paid-order path once per line,
// revoked when the paid order is cancelled or refunded in full.

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let admin: { id: number; role: 'admin' };

beforeAll(async () => {
  const staff = await createTestShopper({ role: 'admin', prefix: 'libadmin' });
  admin = { id: staff.id, role: 'admin' };
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
