import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { SHOPPER_COUNT } from '@/db/seed/shoppers';
import { updatePersonalizationAction } from '@/lib/actions/personalization';
import { rebuildIfDue, recordProductView } from '@/lib/recommendations/mutations';
import { getCartRecommendations, getForYou, readProductRecommendations } from '@/lib/recommendations/queries';
import { rebuildRecommendations } from '@/lib/recommendations/rebuild';
import { linkVisitorToUser } from '@/lib/recommendations/signals-store';
import { GET as recommendationsRoute } from '@/app/api/v1/recommendations/route';
import { POST as viewRoute } from '@/app/api/v1/events/view/route';
import { issueVisitorId, readVisitorId, VISITOR_COOKIE } from '@/lib/recommendations/visitor';
import { pendingAfter as pending } from '../support/after';
import { requestContext, signInAs } from '../support/request-context';
import { itOnPostgres } from '../support/concurrency';
import { first, take } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
// after() runs its work at once; the test awaits it through `pending`.
vi.mock('next/server', async (original) => (await import('../support/after')).deferredAfterMock(original));

beforeEach(() => requestContext.reset());

let sequence = 0;
async function newUser(): Promise<number> {
  const db = await getDb();
  const name = `recs-${process.pid}-${++sequence}`;
  const row = await queryRow<{ id: number }>(
    db,
    sql`insert into users (username, username_key, email, email_key) values (${name}, ${name}, ${`${name}@example.com`},
      ${`${name}@example.com`}) returning id`,
  );
  return row.id;
}

async function productBySlug(slug: string): Promise<{ id: number; title: string; kind: string }> {
  const db = await getDb();
  const row = await queryRow<{ id: number; title: string; kind: string }>(
    db,
    sql`select id, title, kind from products where slug = ${slug}`,
  );
  return row;
}

/** Active products of a genre, most interacted with first, for histories that have neighbours. */
async function productsOfGenre(genre: string, n: number): Promise<{ id: number; title: string }[]> {
  const db = await getDb();
  return queryRows<{ id: number; title: string }>(
    db,
    sql`select p.id, p.title from products p join product_genres pg on pg.product_id = p.id join genres g on g.id = pg.genre_id
      join item_neighbours n on n.product_id = p.id
      where g.slug = ${genre} and p.status = 'active' and cardinality(n.hybrid_ids) > 0
        and p.release_date <= current_date
      order by cardinality(n.collaborative_ids) desc, p.id limit ${n}`,
  );
}

async function addEvent(userId: number, productId: number, type: string, value: number | null = null) {
  const db = await getDb();
  await db.execute(sql`insert into interaction_events (user_id, product_id, type, value)
    values (${userId}, ${productId}, ${type}::interaction_type, ${value})`);
}

const shopper = (userId: number) => ({ userId, visitorId: null, cartId: null });

describe('the seed', () => {
  it('adds synthetic shoppers with histories and builds the recommendation tables', async () => {
    const db = await getDb();
    const counts = await queryRow<{
      shoppers: number;
      events: number;
      lists: number;
      scores: number;
      state: number;
    }>(
      db,
      sql`select (select count(*)::int from users where username like 'shopper-%' and password_hash is null
            and email like '%@example.invalid') as shoppers,
          (select count(*)::int from interaction_events) as events,
          (select count(*)::int from item_neighbours) as lists,
          (select count(*)::int from product_scores) as scores,
          (select count(*)::int from recommender_state) as state`,
    );
    expect(counts.shoppers).toBe(SHOPPER_COUNT);
    expect(counts.events).toBeGreaterThan(SHOPPER_COUNT * 5);
    expect(counts.lists).toBeGreaterThan(300);
    expect(counts.scores).toBeGreaterThan(50);
    expect(counts.state).toBe(2);
  });
});

describe('events → rebuild → recommendations', () => {
  it('gives a new shopper popular items, then recommendations that follow their history and explain it', async () => {
    const userId = await newUser();
    const cold = await getForYou(shopper(userId));
    expect(cold.personal).toBe(false);
    expect(cold.recommended.length).toBeGreaterThan(0);
    expect(cold.recommended.every((r) => r.reason.kind === 'popular' || r.reason.kind === 'trending')).toBe(true);

    const jazz = first(await productsOfGenre('jazz', 1));
    await addEvent(userId, jazz.id, 'purchase', 1);
    await rebuildRecommendations(await getDb());
    const afterJazz = await getForYou(shopper(userId));
    expect(afterJazz.personal).toBe(true);
    const pick = first(afterJazz.recommended);
    expect(pick.reason).toEqual({ kind: 'because_bought', source: expect.objectContaining({ title: jazz.title }) });
    // What you own is never recommended back to you.
    expect(afterJazz.recommended.map((r) => r.card.id)).not.toContain(jazz.id);
    // Not ten albums by one artist.
    const perCredit = new Map<string, number>();
    for (const { card } of afterJazz.recommended) {
      if (card.credit) perCredit.set(card.credit, (perCredit.get(card.credit) ?? 0) + 1);
    }
    expect(Math.max(0, ...perCredit.values())).toBeLessThanOrEqual(2);

    // They then look at games: a "because you viewed" rail appears and the lists change.
    const game = first(await productsOfGenre('strategy', 1));
    await addEvent(userId, game.id, 'view');
    await rebuildRecommendations(await getDb());
    const afterGame = await getForYou(shopper(userId));
    expect(afterGame.becauseViewed?.source.title).toBe(game.title);
    expect(afterGame.becauseViewed?.items.length).toBeGreaterThan(0);

    // Then they buy it: their main list now mixes both tastes, each card saying which purchase it follows.
    await addEvent(userId, game.id, 'purchase', 1);
    await rebuildRecommendations(await getDb());
    const afterBoth = await getForYou(shopper(userId));
    const reasons = afterBoth.recommended.map((r) => ('source' in r.reason ? r.reason.source.title : null));
    expect(reasons).toContain(game.title);
    expect(reasons).toContain(jazz.title);
    expect(afterBoth.recommended.map((r) => r.card.id)).not.toContain(game.id);
  });

  it('leaves out what is in the cart, and suggests what goes with it', async () => {
    const userId = await newUser();
    const record = first(await productsOfGenre('rock', 1));
    await addEvent(userId, record.id, 'purchase', 1);
    const before = await getForYou(shopper(userId));
    const top = first(before.recommended).card;
    const db = await getDb();
    const cart = await queryRow<{ id: string }>(db, sql`insert into carts (user_id) values (${userId}) returning id`);
    await db.execute(sql`insert into cart_lines (cart_id, edition_id, kind, quantity, price_seen_minor)
      select ${cart.id}, id, 'purchase', 1, price_minor from editions where product_id = ${top.id} and status = 'active' limit 1`);
    const after = await getForYou(shopper(userId));
    expect(after.recommended.map((r) => r.card.id)).not.toContain(top.id);
    const goesWith = await getCartRecommendations(shopper(userId));
    expect(goesWith.length).toBeGreaterThan(0);
    expect(goesWith.map((r) => r.card.id)).not.toContain(top.id);
    expect(first(goesWith).reason).toEqual({
      kind: 'goes_with',
      source: expect.objectContaining({ slug: expect.any(String) }),
    });
  });

  it('product pages: "also bought" and "more like this", without the product itself or duplicates', async () => {
    const jazz = first(await productsOfGenre('jazz', 1));
    const lists = await readProductRecommendations(jazz.id);
    expect(lists.alsoBought.length + lists.moreLikeThis.length).toBeGreaterThan(0);
    const ids = [...lists.alsoBought, ...lists.moreLikeThis].map((r) => r.card.id);
    expect(ids).not.toContain(jazz.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(lists.moreLikeThis.length).toBeGreaterThan(0);
  });
});

describe('views, visitors and the personalisation switch', () => {
  it('records a view once per shopper, product and day, and a visitor’s views follow them into their account', async () => {
    const product = await productBySlug('neon-harbour');
    const cookie = issueVisitorId();
    const visitorId = readVisitorId(cookie)!;
    expect(await recordProductView({ userId: null, visitorId }, product.id)).toBe(true);
    expect(await recordProductView({ userId: null, visitorId }, product.id)).toBe(false);
    const twice = await Promise.all([
      recordProductView({ userId: null, visitorId: `${visitorId}-b` }, product.id),
      recordProductView({ userId: null, visitorId: `${visitorId}-b` }, product.id),
    ]);
    expect(twice.filter(Boolean)).toHaveLength(1);
    expect(await recordProductView({ userId: null, visitorId: 'bad id!' }, product.id)).toBe(false);

    const asVisitor = await getForYou({ userId: null, visitorId, cartId: null });
    expect(asVisitor.becauseViewed?.source.title).toBe(product.title);

    const userId = await newUser();
    await linkVisitorToUser(cookie, userId);
    const linked = await getForYou(shopper(userId));
    expect(linked.becauseViewed?.source.title).toBe(product.title);
  });

  it('the beacon route records the view after answering', async () => {
    const product = await productBySlug('neon-harbour');
    const cookie = issueVisitorId();
    const visitorId = readVisitorId(cookie);
    requestContext.cookies.set(VISITOR_COOKIE, cookie);
    const post = (body: string) =>
      viewRoute(
        new Request('http://localhost/api/v1/events/view', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      );
    expect((await post(JSON.stringify({ productId: product.id }))).status).toBe(202);
    expect((await post('{"productId": "x"}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    await Promise.all(pending.splice(0));
    const db = await getDb();
    const row = await queryRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from interaction_events where visitor_id = ${visitorId} and type = 'view'`,
    );
    expect(row.n).toBe(1);
  });

  it('off: no recommendations from history, no more views recorded; on again: back', async () => {
    const userId = await newUser();
    const record = first(await productsOfGenre('jazz', 2));
    await addEvent(userId, record.id, 'purchase', 1);
    await signInAs(userId);
    expect(await updatePersonalizationAction('yes')).toEqual({ ok: false, error: 'invalid' });
    expect(await updatePersonalizationAction(false)).toEqual({ ok: true, enabled: false });
    const off = await getForYou(shopper(userId));
    expect(off.personalization).toBe(false);
    expect(off.personal).toBe(false);
    expect(off.recommended.every((r) => r.reason.kind === 'popular' || r.reason.kind === 'trending')).toBe(true);
    const other = await productBySlug('neon-harbour');
    expect(await recordProductView({ userId, visitorId: null }, other.id)).toBe(false);

    expect(await updatePersonalizationAction(true)).toEqual({ ok: true, enabled: true });
    expect((await getForYou(shopper(userId))).personal).toBe(true);
    requestContext.reset();
    expect(await updatePersonalizationAction(true)).toEqual({ ok: false, error: 'unauthenticated' });
  });
});

describe('the API', () => {
  it('answers ?product= and ?for=me, and refuses anything else', async () => {
    const ok = await recommendationsRoute(new Request('http://localhost/api/v1/recommendations?product=neon-harbour'));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      moreLikeThis: { slug: string; title: string; kind: string; price: unknown; reason: unknown }[];
    };
    expect(body.moreLikeThis[0]).toEqual({
      slug: expect.any(String),
      title: expect.any(String),
      kind: expect.any(String),
      url: expect.stringMatching(/^\/products\//),
      coverUrl: expect.anything(),
      price: { amountMinor: expect.any(Number), currency: 'USD' },
      reason: { kind: 'similar' },
    });
    const me = await recommendationsRoute(new Request('http://localhost/api/v1/recommendations?for=me'));
    expect(me.headers.get('cache-control')).toContain('no-store');
    expect(((await me.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    for (const query of ['', '?for=you', '?product=Bad Slug', '?product=a&for=me']) {
      expect((await recommendationsRoute(new Request(`http://localhost/api/v1/recommendations${query}`))).status).toBe(
        400,
      );
    }
    expect(
      (await recommendationsRoute(new Request('http://localhost/api/v1/recommendations?product=no-such-product')))
        .status,
    ).toBe(404);
  });
});

describe('rebuilds', () => {
  itOnPostgres('runs one rebuild at a time', async () => {
    const db = await getDb();
    const results = await Promise.all([rebuildRecommendations(db), rebuildRecommendations(db)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
  });

  it('rebuilds from the job only when enough happened', async () => {
    await rebuildRecommendations(await getDb());
    expect(await rebuildIfDue({ policy: { minNewEvents: 2, maxAgeMs: 3_600_000 } })).toBeNull();
    const userId = await newUser();
    const [a, b] = take(await productsOfGenre('pop', 2), 2, 'pop product');
    await addEvent(userId, a.id, 'view');
    expect(await rebuildIfDue({ policy: { minNewEvents: 2, maxAgeMs: 3_600_000 } })).toBeNull();
    await addEvent(userId, b.id, 'view');
    const summary = await rebuildIfDue({ policy: { minNewEvents: 2, maxAgeMs: 3_600_000 } });
    expect(summary?.ran).toBe(true);
    expect(summary?.products).toBeGreaterThan(300);
  });
});
