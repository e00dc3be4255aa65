import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { addRentalToCartAction } from '@/lib/actions/cart';
import { getCurrentCart } from '@/lib/cart/queries';
import { editions } from '@/lib/catalog/schema';
import { changeCopyStatus } from '@/lib/rentals/copies';
import { createTestEdition } from '../support/commerce';
import { first } from '../support/lists';
import { requestContext } from '../support/request-context';
import { copyStatuses, createRentableEdition, deskAdmin } from '../support/rentals';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());

const cartLines = async () =>
  (await getCurrentCart()).lines.map((line) => ({
    editionId: line.editionId,
    kind: line.kind,
    quantity: line.quantity,
    periodDays: line.rentalPeriodDays,
  }));

describe('a rental in the cart', () => {
  it('puts one copy for a period in the cart; adding it again changes the period', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    expect(await addRentalToCartAction(editionId, 7)).toEqual({ ok: true, quantity: 1, capped: false });
    expect(await cartLines()).toEqual([{ editionId, kind: 'rental', quantity: 1, periodDays: 7 }]);
    expect(await addRentalToCartAction(String(editionId), '14')).toMatchObject({ ok: true });
    expect(await cartLines()).toEqual([{ editionId, kind: 'rental', quantity: 1, periodDays: 14 }]);
    expect(await copyStatuses(editionId)).toEqual(['available']); // the cart holds no copy
  });

  it('refuses editions that cannot be rented, periods not offered and editions with no free copy', async () => {
    const draft = await createRentableEdition();
    const archived = await createRentableEdition();
    const digital = await createRentableEdition();
    const notRentable = await createRentableEdition();
    const db = await getDb();
    await db.update(editions).set({ status: 'draft' }).where(eq(editions.id, draft.editionId));
    await db.update(editions).set({ status: 'archived' }).where(eq(editions.id, archived.editionId));
    await db.update(editions).set({ digital: true }).where(eq(editions.id, digital.editionId));
    // (A rentable edition always has a rental price: editions_rental_price.)
    await db
      .update(editions)
      .set({ rentable: false, rentalPriceMinor: null })
      .where(eq(editions.id, notRentable.editionId));
    const forSale = await createTestEdition();
    const refused = [draft, archived, digital, notRentable, forSale].map((e) => e.editionId);
    for (const id of [...refused, 999_999_999, -5, 'abc', null, '1; drop table editions']) {
      expect(await addRentalToCartAction(id, 7)).toEqual({ ok: false, error: 'editionUnavailable' });
    }

    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    for (const period of [0, 1, 8, 21, -7, 7.5, '7 days', null, '']) {
      expect(await addRentalToCartAction(editionId, period)).toEqual({ ok: false, error: 'periodNotOffered' });
    }
    expect(await changeCopyStatus(await deskAdmin(), { code: first(codes), to: 'damaged', now: new Date() })).toMatchObject({ ok: true });
    expect(await addRentalToCartAction(editionId, 7)).toEqual({ ok: false, error: 'noCopyFree' });
    const loose = addRentalToCartAction as (...args: unknown[]) => Promise<unknown>;
    expect(await loose(editionId)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await cartLines()).toEqual([]);
  });

  it('keeps a rental and a purchase of the same edition apart, and never raises a rental above one copy', async () => {
    const { editionId } = await createRentableEdition({ copies: 2 });
    const db = await getDb();
    await db.execute(sql`update editions set stock = 5 where id = ${editionId}`);
    const { addToCartAction, updateCartLineAction } = await import('@/lib/actions/cart');
    expect(await addToCartAction(editionId, 2)).toMatchObject({ ok: true, quantity: 2 });
    expect(await addRentalToCartAction(editionId, 14)).toMatchObject({ ok: true });
    expect(await cartLines()).toEqual([
      { editionId, kind: 'purchase', quantity: 2, periodDays: null },
      { editionId, kind: 'rental', quantity: 1, periodDays: 14 },
    ]);
    const rental = (await getCurrentCart()).lines.find((line) => line.kind === 'rental');
    expect(await updateCartLineAction(rental?.id ?? 0, 2)).toEqual({ ok: false, error: 'lineNotFound' });
    expect(await cartLines()).toContainEqual({ editionId, kind: 'rental', quantity: 1, periodDays: 14 });
  });
});
