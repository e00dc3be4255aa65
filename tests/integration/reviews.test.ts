import { sql } from 'drizzle-orm';
import { updateTag } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as reviewsRoute } from '@/app/api/v1/reviews/route';
import { GET as ownReviewRoute } from '@/app/api/v1/reviews/mine/route';
import { getDb, queryRows } from '@/db';
import { deleteAccount } from '@/lib/privacy/delete-account';
import { registerUser } from '@/lib/accounts/mutations';
import { getCurrentUser } from '@/lib/auth/session';
import { productTag } from '@/lib/catalog/tags';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { deleteReviewAction, saveReviewAction } from '@/lib/actions/reviews';
import { getOwnReview, getProductReviews, listProductReviews } from '@/lib/reviews/queries';
import { reviewsTag } from '@/lib/reviews/tags';
import { REVIEWS_PAGE_SIZE } from '@/lib/reviews/validation';
import { createCart, createTestEdition, guestCheckout, checkoutContext } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { itOnPostgres } from '../support/concurrency';
import { at, first } from '@/tests/support/lists';

const afterTasks = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({
  ...(await original<object>()),
  after: (task: () => unknown) => void afterTasks.push(Promise.resolve().then(task)),
}));

beforeEach(() => {
  requestContext.reset();
  vi.mocked(updateTag).mockClear();
});

let sequence = 0;
async function newShopper(displayName?: string): Promise<number> {
  sequence += 1;
  const name = `rev${process.pid % 1000}x${Date.now() % 100000}x${sequence}`;
  const result = await registerUser(
    { username: name, email: `${name}@example.com`, password: 'a long review passphrase', displayName },
    'en',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.userId;
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
}

async function reviewRows(productId: number) {
  const db = await getDb();
  return queryRows<{ userId: number; rating: number; title: string | null; body: string; verified: boolean }>(
    db,
    sql`select user_id as "userId", rating, title, body, verified_purchase as verified from reviews
      where product_id = ${productId} order by id`,
  );
}

/** Places and pays (demo provider) an order of one copy of the edition, as the signed-in user. */
async function buy(userId: number, editionId: number, { pay = true } = {}) {
  await signInAs(userId);
  const user = await getCurrentUser();
  const cartId = await createCart([{ editionId, quantity: 1 }]);
  const placed = await placeOrder(guestCheckout(), checkoutContext(cartId, { user }));
  if (!placed.ok) throw new Error(`order not placed: ${placed.error}`);
  if (pay) {
    const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key');
    expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
  }
  return placed;
}

describe('writing a review', () => {
  it('refuses visitors who are not signed in, and stores nothing', async () => {
    const { productId } = await createTestEdition();
    const result = await saveReviewAction(null, form({ productId, rating: 5, body: 'Great' }));
    expect(result).toEqual({ ok: false, fieldErrors: { form: 'unauthenticated' } });
    expect(await deleteReviewAction(productId)).toEqual({ ok: false, fieldErrors: { form: 'unauthenticated' } });
    expect(await reviewRows(productId)).toHaveLength(0);
  });

  it.each([
    ['0', 'ratingInvalid'],
    ['6', 'ratingInvalid'],
    ['2.5', 'ratingInvalid'],
    ['x', 'ratingInvalid'],
    ['-1', 'ratingInvalid'],
    ['', 'ratingRequired'],
  ])('refuses rating %j with a field error', async (rating, message) => {
    const { productId } = await createTestEdition();
    await signInAs(await newShopper());
    const result = await saveReviewAction(null, form({ productId, rating, body: 'Hmm' }));
    expect(result).toEqual({ ok: false, fieldErrors: { rating: message } });
    expect(await reviewRows(productId)).toHaveLength(0);
  });

  it('refuses a missing rating, over-long text and unknown or draft products', async () => {
    const { productId } = await createTestEdition();
    const draft = await createTestEdition();
    const db = await getDb();
    await db.execute(sql`update products set status = 'draft' where id = ${draft.productId}`);
    await signInAs(await newShopper());
    expect(await saveReviewAction(null, form({ productId, body: 'no stars' }))).toEqual({
      ok: false,
      fieldErrors: { rating: 'ratingRequired' },
    });
    expect(
      await saveReviewAction(null, form({ productId, rating: 4, title: 't'.repeat(121), body: 'b'.repeat(5001) })),
    ).toEqual({ ok: false, fieldErrors: { title: 'titleTooLong', body: 'bodyTooLong' } });
    for (const id of [draft.productId, 999_999_999, 'abc', -1]) {
      expect(await saveReviewAction(null, form({ productId: id, rating: 4 }))).toMatchObject({
        ok: false,
        fieldErrors: { form: expect.any(String) },
      });
    }
    expect(await reviewRows(productId)).toHaveLength(0);
    expect(await reviewRows(draft.productId)).toHaveLength(0);
  });

  it('keeps one review per shopper per product: a second save edits it', async () => {
    const { productId, slug } = await createTestEdition();
    const userId = await newShopper();
    await signInAs(userId);
    const first = await saveReviewAction(null, form({ productId, rating: 3, title: 'Fine', body: 'It is fine.' }));
    expect(first).toMatchObject({ ok: true, created: true, review: { rating: 3, title: 'Fine', hidden: false } });
    expect(updateTag).toHaveBeenCalledWith(productTag(slug));
    expect(updateTag).toHaveBeenCalledWith(reviewsTag(productId));

    const edited = await saveReviewAction(null, form({ productId, rating: 5, title: '', body: 'Grew on me.' }));
    expect(edited).toMatchObject({ ok: true, created: false, review: { rating: 5, title: null, body: 'Grew on me.' } });
    expect(await reviewRows(productId)).toEqual([
      { userId, rating: 5, title: null, body: 'Grew on me.', verified: false },
    ]);

    // A second shopper has their own review of the same product.
    await signInAs(await newShopper());
    expect(await saveReviewAction(null, form({ productId, rating: 1 }))).toMatchObject({ ok: true, created: true });
    expect(await reviewRows(productId)).toHaveLength(2);
  });

  itOnPostgres('keeps one review when a shopper saves twice at the same moment', async () => {
    const { productId } = await createTestEdition();
    const userId = await newShopper();
    await signInAs(userId);
    await Promise.all([
      saveReviewAction(null, form({ productId, rating: 4, body: 'Twice at once' })),
      saveReviewAction(null, form({ productId, rating: 4, body: 'Twice at once' })),
    ]);
    expect(await reviewRows(productId)).toEqual([
      { userId, rating: 4, title: null, body: 'Twice at once', verified: false },
    ]);
    expect(await getOwnReview(userId, productId)).toMatchObject({ rating: 4, body: 'Twice at once' });
  });

  it('records a rating signal for recommendations', async () => {
    const { productId } = await createTestEdition();
    const userId = await newShopper();
    await signInAs(userId);
    await saveReviewAction(null, form({ productId, rating: 2 }));
    await Promise.all(afterTasks.splice(0));
    const db = await getDb();
    const events = await queryRows<{ value: number }>(
      db,
      sql`select value from interaction_events where user_id = ${userId} and product_id = ${productId} and type = 'rating'`,
    );
    expect(events).toEqual([{ value: 2 }]);
  });

  it('marks a verified purchase only once an order of the product is paid', async () => {
    const { productId, editionId } = await createTestEdition({ stock: 5 });
    const userId = await newShopper();
    await signInAs(userId);
    await saveReviewAction(null, form({ productId, rating: 4 }));
    expect(first(await reviewRows(productId)).verified).toBe(false);

    // Ordered but not paid: not yet.
    await buy(userId, editionId, { pay: false });
    expect(await saveReviewAction(null, form({ productId, rating: 4 }))).toMatchObject({
      review: { verifiedPurchase: false },
    });

    await buy(userId, editionId);
    expect(await saveReviewAction(null, form({ productId, rating: 5 }))).toMatchObject({
      review: { verifiedPurchase: true },
    });
    expect(first(await reviewRows(productId)).verified).toBe(true);

    // Another shopper who bought nothing is not verified, and a purchase of another product does not count.
    const other = await newShopper();
    const elsewhere = await createTestEdition({ stock: 2 });
    await buy(other, elsewhere.editionId);
    expect(await saveReviewAction(null, form({ productId, rating: 1 }))).toMatchObject({
      review: { verifiedPurchase: false },
    });
  });

  it('stores hostile text exactly as typed (as text), and refuses control characters', async () => {
    const { productId, slug } = await createTestEdition();
    await signInAs(await newShopper());
    const body = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">\r\nline 3 & "quotes"';
    const title = '<b onmouseover=alert(3)>bold</b>';
    expect(await saveReviewAction(null, form({ productId, rating: 1, title, body: `${body}\u0000` }))).toEqual({
      ok: false,
      fieldErrors: { body: 'textInvalid' },
    });
    expect(await saveReviewAction(null, form({ productId, rating: 1, title: 'a\u0085b', body }))).toEqual({
      ok: false,
      fieldErrors: { title: 'textInvalid' },
    });
    expect(await reviewRows(productId)).toEqual([]);
    const result = await saveReviewAction(null, form({ productId, rating: 1, title, body }));
    expect(result).toMatchObject({ ok: true });
    const expected = '<script>alert(1)</script>\n<img src=x onerror="alert(2)">\nline 3 & "quotes"';
    expect(await reviewRows(productId)).toMatchObject([{ title, body: expected }]);
    const { first } = await getProductReviews(productId, slug);
    expect(first.items[0]).toMatchObject({ title, body: expected });
  });

  it('lets the author delete their review, and only theirs', async () => {
    const { productId } = await createTestEdition();
    const author = await newShopper();
    await signInAs(author);
    await saveReviewAction(null, form({ productId, rating: 4 }));
    await signInAs(await newShopper());
    expect(await deleteReviewAction(productId)).toEqual({ ok: false, fieldErrors: { form: 'reviewNotFound' } });
    expect(await reviewRows(productId)).toHaveLength(1);
    await signInAs(author);
    expect(await deleteReviewAction(productId)).toEqual({ ok: true });
    expect(await reviewRows(productId)).toHaveLength(0);
  });

  it('limits review writes to 20 an hour per shopper', async () => {
    const { productId } = await createTestEdition();
    await signInAs(await newShopper());
    for (let i = 1; i <= 20; i++) {
      expect(await saveReviewAction(null, form({ productId, rating: (i % 5) + 1 }))).toMatchObject({ ok: true });
    }
    expect(await saveReviewAction(null, form({ productId, rating: 5 }))).toEqual({
      ok: false,
      fieldErrors: { form: 'throttled' },
    });
    // Someone else is not affected.
    await signInAs(await newShopper());
    expect(await saveReviewAction(null, form({ productId, rating: 5 }))).toMatchObject({ ok: true });
  });
});

describe('what product pages show', () => {
  async function reviewedProduct(ratings: number[]) {
    const product = await createTestEdition();
    const authors: number[] = [];
    for (const [index, rating] of ratings.entries()) {
      const userId = await newShopper(index === 0 ? 'Ada Reviewer' : undefined);
      authors.push(userId);
      await signInAs(userId);
      const result = await saveReviewAction(null, form({ productId: product.productId, rating, title: `r${index}` }));
      expect(result).toMatchObject({ ok: true });
    }
    return { ...product, authors };
  }

  it('computes the average (one decimal) and the distribution over visible reviews only', async () => {
    const { productId, slug, authors } = await reviewedProduct([5, 4, 4, 1]);
    let { summary } = await getProductReviews(productId, slug);
    expect(summary).toEqual({ count: 4, average: 3.5, distribution: [1, 0, 0, 2, 1] });

    const db = await getDb();
    await db.execute(
      sql`update reviews set status = 'hidden' where product_id = ${productId} and user_id = ${authors[3]}`,
    );
    ({ summary } = await getProductReviews(productId, slug));
    expect(summary).toEqual({ count: 3, average: 4.3, distribution: [0, 0, 0, 2, 1] });
    const { first } = await getProductReviews(productId, slug);
    expect(first.items.map((r) => r.title)).toEqual(['r2', 'r1', 'r0']);
    expect(at(first.items, 2).author).toBe('Ada Reviewer');

    // The author still sees their hidden review, flagged, and editing it does not publish it.
    await signInAs(at(authors, 3));
    expect(await getOwnReview(at(authors, 3), productId)).toMatchObject({ hidden: true, rating: 1 });
    expect(await saveReviewAction(null, form({ productId, rating: 2 }))).toMatchObject({
      ok: true,
      review: { hidden: true },
    });
    ({ summary } = await getProductReviews(productId, slug));
    expect(summary.count).toBe(3);
  });

  it('has no average without visible reviews', async () => {
    const { productId, slug } = await createTestEdition();
    expect(await getProductReviews(productId, slug)).toEqual({
      summary: { count: 0, average: null, distribution: [0, 0, 0, 0, 0] },
      first: { items: [], page: 1, hasMore: false },
    });
  });

  it('pages through the newest reviews, through the API too', async () => {
    const count = REVIEWS_PAGE_SIZE + 2;
    const { productId, authors } = await reviewedProduct(Array.from({ length: count }, (_, i) => (i % 5) + 1));
    const db = await getDb();
    await db.execute(
      sql`update reviews set status = 'hidden' where product_id = ${productId} and user_id = ${authors[0]}`,
    );
    const one = await listProductReviews(productId, 1);
    const two = await listProductReviews(productId, 2);
    expect(one.items).toHaveLength(REVIEWS_PAGE_SIZE);
    expect(one.hasMore).toBe(true);
    expect(two).toMatchObject({ page: 2, hasMore: false });
    expect(two.items.map((r) => r.title)).toEqual(['r1']);

    const response = await reviewsRoute(new Request(`http://localhost/api/v1/reviews?productId=${productId}&page=2`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(two)));
    for (const query of ['productId=abc', 'productId=1&page=0', 'productId=1&page=x', 'page=1']) {
      expect((await reviewsRoute(new Request(`http://localhost/api/v1/reviews?${query}`))).status).toBe(400);
    }
  });

  it('tells the form whether the viewer is signed in and what they wrote', async () => {
    const { productId } = await createTestEdition();
    const url = `http://localhost/api/v1/reviews/mine?productId=${productId}`;
    expect(await (await ownReviewRoute(new Request(url))).json()).toEqual({ signedIn: false, review: null });
    const userId = await newShopper();
    await signInAs(userId);
    expect(await (await ownReviewRoute(new Request(url))).json()).toEqual({ signedIn: true, review: null });
    await saveReviewAction(null, form({ productId, rating: 3, body: 'Mine' }));
    const response = await ownReviewRoute(new Request(url));
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.json()).toMatchObject({ signedIn: true, review: { rating: 3, body: 'Mine', hidden: false } });
  });

  it('keeps the reviews of a deleted account, as "Deleted account"', async () => {
    const { productId, slug, authors } = await reviewedProduct([5]);
    expect(await deleteAccount(first(authors), { confirmation: 'a long review passphrase' })).toEqual({ ok: true });
    const { summary, first: page } = await getProductReviews(productId, slug);
    expect(summary.count).toBe(1);
    expect(page.items[0]).toMatchObject({ author: null, rating: 5 });
  });
});
