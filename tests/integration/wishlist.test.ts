import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as wishlistRoute } from '@/app/api/v1/wishlist/route';
import { getDb, queryRow } from '@/db';
import { deleteAccount } from '@/lib/privacy/delete-account';
import { registerUser } from '@/lib/accounts/mutations';
import { addToWishlistAction, removeFromWishlistAction } from '@/lib/actions/wishlist';
import { notifyWishlists, notifyWishlistsForEdition } from '@/lib/wishlist/notifications';
import { listWishlist, listWishlistProductIds } from '@/lib/wishlist/queries';
import { createTestEdition } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { outboxMails } from '../support/outbox';
import { at, first } from '@/tests/support/lists';

const afterTasks = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({
  ...(await original<object>()),
  after: (task: () => unknown) => void afterTasks.push(Promise.resolve().then(task)),
}));

beforeEach(() => requestContext.reset());

let sequence = 0;
async function newShopper(locale: 'en' | 'zh' = 'en'): Promise<number> {
  sequence += 1;
  const name = `wish${process.pid % 1000}x${Date.now() % 100000}x${sequence}`;
  const result = await registerUser(
    { username: name, email: `${name}@example.com`, password: 'a long wishing passphrase' },
    locale,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.userId;
}

async function wish(userId: number, productId: number) {
  await signInAs(userId);
  expect(await addToWishlistAction(productId)).toEqual({ ok: true, wished: true });
  requestContext.reset();
}

async function mails(template: string, userId: number) {
  return (await outboxMails({ template, userId })).map((mail) => ({ ...mail, toAddress: mail.to }));
}

async function restock(editionId: number, delta: number, reason = 'restock') {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into stock_movements (edition_id, delta, reason) values (${editionId}, ${delta}, ${reason})`,
    );
    await tx.execute(sql`update editions set stock = stock + ${delta} where id = ${editionId}`);
  });
}

async function setPrice(editionId: number, priceMinor: number) {
  const db = await getDb();
  await db.execute(sql`update editions set price_minor = ${priceMinor} where id = ${editionId}`);
}

/** Two job runs at once, as on two instances. */
const runJobTwiceAtOnce = () => Promise.all([notifyWishlists(), notifyWishlists()]);

describe('the wishlist', () => {
  it('adds and removes products for the signed-in shopper only', async () => {
    const a = await createTestEdition({ priceMinor: 2500 });
    const b = await createTestEdition();
    const alice = await newShopper();
    const bob = await newShopper();
    await wish(bob, a.productId);

    await signInAs(alice);
    expect(await addToWishlistAction(a.productId)).toEqual({ ok: true, wished: true });
    expect(await addToWishlistAction(a.productId)).toEqual({ ok: true, wished: true });
    expect(await addToWishlistAction(b.productId)).toEqual({ ok: true, wished: true });
    expect(await listWishlistProductIds(alice)).toEqual([b.productId, a.productId]);
    const response = await wishlistRoute(new Request('http://localhost/api/v1/wishlist'));
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toEqual({ signedIn: true, productIds: [b.productId, a.productId] });

    expect(await removeFromWishlistAction(a.productId)).toEqual({ ok: true, wished: false });
    expect(await removeFromWishlistAction(a.productId)).toEqual({ ok: true, wished: false });
    expect(await listWishlistProductIds(alice)).toEqual([b.productId]);
    // Bob's wishlist is untouched by Alice's removal.
    expect(await listWishlistProductIds(bob)).toEqual([a.productId]);

    await Promise.all(afterTasks.splice(0));
    const db = await getDb();
    const { n } = await queryRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from interaction_events where user_id = ${alice} and type = 'wishlist'`,
    );
    expect(n).toBe(2);
  });

  it('refuses visitors, unknown, draft and malformed products', async () => {
    const { productId } = await createTestEdition();
    expect(await addToWishlistAction(productId)).toEqual({ ok: false, error: 'unauthenticated' });
    expect(await removeFromWishlistAction(productId)).toEqual({ ok: false, error: 'unauthenticated' });
    expect(await (await wishlistRoute(new Request('http://localhost/api/v1/wishlist'))).json()).toEqual({
      signedIn: false,
      productIds: [],
    });
    const draft = await createTestEdition();
    const db = await getDb();
    await db.execute(sql`update products set status = 'draft' where id = ${draft.productId}`);
    const userId = await newShopper();
    await signInAs(userId);
    for (const id of [draft.productId, 999_999_999, 'x', -3, 1.5, null]) {
      expect(await addToWishlistAction(id)).toEqual({ ok: false, error: 'productNotFound' });
    }
    expect(await listWishlistProductIds(userId)).toEqual([]);
  });

  it('shows what each product costs now, the drop since it was saved, and its availability', async () => {
    const cheap = await createTestEdition({ priceMinor: 2000, stock: 0 });
    const userId = await newShopper();
    await wish(userId, cheap.productId);
    await setPrice(cheap.editionId, 1500);
    const [entry] = await listWishlist(userId);
    expect(entry).toMatchObject({
      productId: cheap.productId,
      slug: cheap.slug,
      fromPriceMinor: 1500,
      priceSeenMinor: 2000,
      availability: 'out_of_stock',
    });
    const db = await getDb();
    await db.execute(sql`update products set status = 'archived' where id = ${cheap.productId}`);
    expect((await listWishlist(userId))[0]).toMatchObject({ availability: 'unavailable', fromPriceMinor: null });
  });

  it('is deleted with the account', async () => {
    const { productId } = await createTestEdition();
    const userId = await newShopper();
    await wish(userId, productId);
    expect(await deleteAccount(userId, { confirmation: 'a long wishing passphrase' })).toEqual({ ok: true });
    expect(await listWishlistProductIds(userId)).toEqual([]);
  });
});

describe('wishlist mails', () => {
  it('mails "back in stock" once per restock from zero, only to those who wished it', async () => {
    const { productId, editionId, slug } = await createTestEdition({ stock: 0 });
    const wisher = await newShopper('zh');
    const bystander = await newShopper();
    await wish(wisher, productId);

    await runJobTwiceAtOnce();
    expect(await mails('wishlistBackInStock', wisher)).toHaveLength(0);

    await restock(editionId, 3);
    await runJobTwiceAtOnce();
    await notifyWishlists();
    const sent = await mails('wishlistBackInStock', wisher);
    expect(sent).toHaveLength(1);
    expect(first(sent).locale).toBe('zh');
    expect(first(sent).text).toContain(`/products/${slug}`);
    expect(await mails('wishlistBackInStock', bystander)).toHaveLength(0);

    // More stock on top of stock is not news; selling out and coming back again is.
    await restock(editionId, 2);
    await notifyWishlists();
    expect(await mails('wishlistBackInStock', wisher)).toHaveLength(1);
    await restock(editionId, -5, 'order');
    await restock(editionId, 1, 'return');
    await runJobTwiceAtOnce();
    expect(await mails('wishlistBackInStock', wisher)).toHaveLength(2);
  });

  it('mails at once from the restock transaction, and the job then does not mail again', async () => {
    const { productId, editionId } = await createTestEdition({ stock: 0 });
    const wisher = await newShopper();
    await wish(wisher, productId);
    const db = await getDb();
    const mailed = await db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into stock_movements (edition_id, delta, reason) values (${editionId}, 4, 'restock')`,
      );
      await tx.execute(sql`update editions set stock = stock + 4 where id = ${editionId}`);
      return notifyWishlistsForEdition(tx, editionId);
    });
    expect(mailed).toBe(1);
    await runJobTwiceAtOnce();
    expect(await mails('wishlistBackInStock', wisher)).toHaveLength(1);
  });

  it('mails "released" once when a pre-order wished before its release comes out', async () => {
    const { productId, editionId } = await createTestEdition({ stock: 5 });
    const early = await newShopper();
    const late = await newShopper();
    const bystander = await newShopper();
    await wish(early, productId);
    await wish(late, productId);
    const db = await getDb();
    // `early` wished it three days ago, when it was still a pre-order; `late` wished it after release.
    await db.execute(sql`update wishlist_items set created_at = now() - interval '3 days'
      where user_id = ${early} and product_id = ${productId}`);
    await db.execute(sql`update editions set release_date = current_date + 1 where id = ${editionId}`);
    await runJobTwiceAtOnce();
    expect(await mails('wishlistReleased', early)).toHaveLength(0);

    await db.execute(sql`update editions set release_date = current_date - 1 where id = ${editionId}`);
    await runJobTwiceAtOnce();
    await notifyWishlists();
    expect(await mails('wishlistReleased', early)).toHaveLength(1);
    expect(await mails('wishlistReleased', late)).toHaveLength(0);
    expect(await mails('wishlistReleased', bystander)).toHaveLength(0);
  });

  it('mails "cheaper" once per new low price, never for the same price or a rise', async () => {
    const { productId, editionId } = await createTestEdition({ priceMinor: 2000 });
    const wisher = await newShopper();
    const bystander = await newShopper();
    await wish(wisher, productId);

    await setPrice(editionId, 2000);
    await notifyWishlists();
    expect(await mails('wishlistCheaper', wisher)).toHaveLength(0);

    await setPrice(editionId, 1500);
    await runJobTwiceAtOnce();
    await notifyWishlists();
    let sent = await mails('wishlistCheaper', wisher);
    expect(sent).toHaveLength(1);
    expect(first(sent).text).toContain('$15.00');
    expect(first(sent).text).toContain('$20.00');

    // Up, then back down to a price already mailed: nothing. A further drop: one more mail.
    await setPrice(editionId, 1800);
    await notifyWishlists();
    await setPrice(editionId, 1500);
    await notifyWishlists();
    expect(await mails('wishlistCheaper', wisher)).toHaveLength(1);
    await setPrice(editionId, 1200);
    await runJobTwiceAtOnce();
    sent = await mails('wishlistCheaper', wisher);
    expect(sent).toHaveLength(2);
    expect(at(sent, 1).text).toContain('$12.00');
    expect(at(sent, 1).text).toContain('$15.00');
    expect(await mails('wishlistCheaper', bystander)).toHaveLength(0);

    // The page still compares with the price when it was saved.
    expect((await listWishlist(wisher))[0]).toMatchObject({ priceSeenMinor: 2000, fromPriceMinor: 1200 });
  });

  it('does not mail deleted accounts', async () => {
    const { productId, editionId } = await createTestEdition({ priceMinor: 3000 });
    const wisher = await newShopper();
    await wish(wisher, productId);
    const db = await getDb();
    await db.execute(sql`update users set deleted_at = now() where id = ${wisher}`);
    await setPrice(editionId, 1000);
    await notifyWishlists();
    expect(await mails('wishlistCheaper', wisher)).toHaveLength(0);
  });
});
