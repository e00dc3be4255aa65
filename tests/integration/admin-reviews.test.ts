import { sql } from 'drizzle-orm';
import { updateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { hideReviewAction, showReviewAction } from '@/lib/actions/admin/reviews';
import { listReviewsForModeration } from '@/lib/admin/reviews/queries';
import { reviewFiltersSchema } from '@/lib/admin/reviews/validation';
import { CATALOG_TAG, productTag } from '@/lib/catalog/tags';
import { reviewsTag } from '@/lib/reviews/tags';
import { createTestEdition } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const newUser = async (role: 'customer' | 'admin' = 'customer') => (await createTestUser({ role, prefix: 'rev' })).id;

const form = (values: Record<string, string | number>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
};

async function review(productId: number, userId: number, rating: number, body: string) {
  const db = await getDb();
  const row = await queryRow<{ id: number }>(
    db,
    sql`insert into reviews (product_id, user_id, rating, title, body) values (${productId}, ${userId}, ${rating}, 'Title', ${body})
        returning id`,
  );
  return row.id;
}

async function state(reviewId: number) {
  const db = await getDb();
  return queryRow<{ status: string; updatedAt: unknown }>(
    db,
    sql`select status, updated_at as "updatedAt" from reviews where id = ${reviewId}`,
  );
}

async function auditRows(reviewId: number) {
  const db = await getDb();
  return queryRows<{ actorUserId: number; action: string; before: unknown; after: unknown }>(
    db,
    sql`select actor_user_id as "actorUserId", action, before, after from audit_log
        where entity = 'review' and entity_id = ${String(reviewId)} order by id`,
  );
}

let adminId: number;
let product: { productId: number; slug: string };
let ids: { five: number; one: number; other: number };

beforeAll(async () => {
  adminId = await newUser('admin');
  const edition = await createTestEdition();
  product = { productId: edition.productId, slug: edition.slug };
  const another = await createTestEdition();
  ids = {
    five: await review(product.productId, await newUser(), 5, 'Wonderful pressing.'),
    one: await review(product.productId, await newUser(), 1, 'Arrived broken, buy elsewhere!!!'),
    other: await review(another.productId, await newUser(), 3, 'Fine.'),
  };
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(adminId);
  vi.mocked(updateTag).mockClear();
});

describe('review moderation', () => {
  it('hides and shows a review with audit rows, and refreshes the product page and lists', async () => {
    const before = await state(ids.one);
    expect(await hideReviewAction(null, form({ reviewId: ids.one }))).toEqual({ ok: true, message: 'hidden' });
    expect((await state(ids.one)).status).toBe('hidden');
    expect(
      vi
        .mocked(updateTag)
        .mock.calls.map(([tag]) => tag)
        .sort(),
    ).toEqual([CATALOG_TAG, productTag(product.slug), reviewsTag(product.productId)].sort());
    // The author's last-edit time is theirs, not the moderator's.
    expect((await state(ids.one)).updatedAt).toEqual(before.updatedAt);

    vi.mocked(updateTag).mockClear();
    expect(await showReviewAction(null, form({ reviewId: ids.one }))).toEqual({ ok: true, message: 'shown' });
    expect((await state(ids.one)).status).toBe('visible');
    expect(vi.mocked(updateTag)).toHaveBeenCalledWith(productTag(product.slug));

    expect(await auditRows(ids.one)).toEqual([
      {
        actorUserId: adminId,
        action: 'review.hide',
        before: { status: 'visible', productId: product.productId },
        after: { status: 'hidden', productId: product.productId },
      },
      {
        actorUserId: adminId,
        action: 'review.show',
        before: { status: 'hidden', productId: product.productId },
        after: { status: 'visible', productId: product.productId },
      },
    ]);
  });

  it('changes nothing and invalidates nothing when the review already is so', async () => {
    expect(await showReviewAction(null, form({ reviewId: ids.five }))).toEqual({ ok: true, message: 'unchanged' });
    expect(updateTag).not.toHaveBeenCalled();
    expect(await auditRows(ids.five)).toEqual([]);
  });

  it('answers unknown and malformed ids with errors', async () => {
    expect(await hideReviewAction(null, form({ reviewId: 2_000_000_000 }))).toEqual({
      ok: false,
      fieldErrors: { form: 'notFound' },
    });
    expect(await hideReviewAction(null, form({ reviewId: 'x' }))).toEqual({
      ok: false,
      fieldErrors: { form: 'invalid' },
    });
    expect(await hideReviewAction(null, undefined as unknown as FormData)).toMatchObject({
      ok: false,
      fieldErrors: { form: 'invalid' },
    });
  });

  it('lists reviews by status, product, rating and id, hidden ones included', async () => {
    await hideReviewAction(null, form({ reviewId: ids.other }));
    const list = (params: Record<string, string>) => listReviewsForModeration(reviewFiltersSchema.parse(params));

    const forProduct = await list({ product: product.slug });
    expect(forProduct.items.map((item) => item.id).sort()).toEqual([ids.five, ids.one].sort());
    expect(forProduct.items[0]).toMatchObject({ productSlug: product.slug, title: 'Title' });

    const hidden = await list({ status: 'hidden' });
    expect(hidden.items.map((item) => item.id)).toContain(ids.other);
    expect(hidden.items.every((item) => item.status === 'hidden')).toBe(true);

    expect((await list({ product: product.slug, rating: '1' })).items.map((item) => item.id)).toEqual([ids.one]);
    expect((await list({ review: String(ids.five) })).items.map((item) => item.id)).toEqual([ids.five]);
    // Nonsense filters are ignored rather than failing.
    expect((await list({ product: product.slug, rating: '9', status: 'gone' })).total).toBe(2);
  });

  it('refuses customers', async () => {
    requestContext.reset();
    await signInAs(await newUser());
    expect(await hideReviewAction(null, form({ reviewId: ids.five }))).toEqual({ ok: false, error: 'forbidden' });
    await expect(listReviewsForModeration(reviewFiltersSchema.parse({}))).rejects.toMatchObject({
      reason: 'forbidden',
    });
    expect((await state(ids.five)).status).toBe('visible');
  });
});
