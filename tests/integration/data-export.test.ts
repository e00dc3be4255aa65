import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/account/export/route';
import { getDb, queryRow } from '@/db';
import { createAddress } from '@/lib/accounts/address-book';
import { createSession, registerUser } from '@/lib/accounts/mutations';
import { getSessionUser } from '@/lib/accounts/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { EXPORT_FORMAT, EXPORT_RATE_LIMIT } from '@/lib/privacy/export';
import { recordProductView } from '@/lib/recommendations/mutations';
import { saveReview } from '@/lib/reviews/mutations';
import { addToWishlist } from '@/lib/wishlist/mutations';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { rentalWaitlist } from '@/lib/rentals/schema';
import { createRentableEdition, deskAdmin } from '../support/rentals';
import { createCart, createTestEdition, guestCheckout, checkoutContext } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Shopper = { id: number; email: string; name: string; street: string; phone: string; order: string };

/** A shopper with a saved address, a paid order (placed signed in), a review, a wished product and a view. */
async function shopper(tag: string, street: string, phone: string): Promise<Shopper> {
  const username = `${tag}${RUN}`;
  const email = `${username}@example.com`;
  const name = `${tag[0]!.toUpperCase()}${tag.slice(1)} Exportson ${RUN}`;
  const registered = await registerUser(
    { username, email, password: 'a long enough passphrase', displayName: name },
    'en',
  );
  if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
  const id = registered.userId;
  const address = { fullName: name, line1: street, city: 'Norwich', postalCode: 'NR1 1AA', country: 'GB', phone };
  expect((await createAddress(id, address)).ok).toBe(true);
  const session = await createSession(id);
  const user = await getSessionUser({ userId: id, sessionId: session.id, sessionVersion: session.sessionVersion });
  const { editionId, productId } = await createTestEdition({ stock: 5 });
  const placed = await placeOrder(
    { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', address },
    checkoutContext(await createCart([{ editionId, quantity: 2 }], id), { user: user }),
  );
  if (!placed.ok) throw new Error(placed.error);
  requestContext.reset();
  await signInAs(id);
  expect(await payDemoOrder(placed.number, null)).toEqual({ ok: true });
  expect(
    (await saveReview(id, { productId, rating: 4, title: `Liked by ${tag}`, body: `Review body ${tag} ${RUN}` })).ok,
  ).toBe(true);
  expect((await addToWishlist(id, productId)).ok).toBe(true);
  await recordProductView({ userId: id, visitorId: null }, productId);
  return { id, email, name, street, phone, order: placed.number };
}

let ada: Shopper;
let bob: Shopper;
let guestOrder: string;

beforeAll(async () => {
  ada = await shopper('ada', '11 Exporter Street', '+44 1603 555 111');
  bob = await shopper('bob', '22 Stranger Road', '+44 1603 555 222');
  // A guest order that merely uses Ada's email address: not hers to download (anyone can type it).
  const { editionId } = await createTestEdition({ stock: 2 });
  const guest = await placeOrder(
    guestCheckout({ email: ada.email, address: { ...guestCheckout().address, fullName: `Mallory Guest ${RUN}` } }),
    checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: null }),
  );
  if (!guest.ok) throw new Error(guest.error);
  guestOrder = guest.number;
});

beforeEach(() => requestContext.reset());

describe('export my data', () => {
  it("downloads the shopper's data as a JSON attachment, decrypted, with nobody else's", async () => {
    await signInAs(ada.id);
    const response = await GET(new Request('http://localhost/api/account/export'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="encore-data-ada${RUN}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = await response.text();
    const data = JSON.parse(text);

    expect(data.format).toBe(EXPORT_FORMAT);
    expect(data.truncated).toEqual([]);
    expect(data.profile).toMatchObject({
      username: `ada${RUN}`,
      email: ada.email,
      displayName: ada.name,
      hasPassword: true,
    });
    expect(data.addresses).toEqual([
      expect.objectContaining({ fullName: ada.name, line1: ada.street, phone: ada.phone }),
    ]);
    expect(data.orders).toHaveLength(1);
    const [order] = data.orders;
    expect(order).toMatchObject({
      number: ada.order,
      status: 'paid',
      shippingAddress: { name: ada.name, line1: ada.street, phone: ada.phone, country: 'GB' },
      lines: [expect.objectContaining({ quantity: 2 })],
    });
    expect(order.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['placed', 'paid']));
    expect(data.reviews).toEqual([expect.objectContaining({ rating: 4, body: `Review body ada ${RUN}` })]);
    expect(data.wishlist).toHaveLength(1);
    expect(data.interactionEvents.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['view', 'purchase']),
    );
    expect(data.sessions.length).toBeGreaterThanOrEqual(2);
    expect(data.mail.map((m: { template: string }) => m.template)).toEqual(
      expect.arrayContaining(['welcome', 'orderConfirmation']),
    );
    expect(data.mail.every((m: { to: string }) => m.to === ada.email)).toBe(true);

    // Nobody else's data: not Bob's order, name, street or phone, not the guest order using Ada's email.
    for (const other of [bob.order, bob.name, bob.street, bob.phone, `bob${RUN}`, guestOrder, `Mallory Guest ${RUN}`]) {
      expect(text, other).not.toContain(other);
    }
    // Nothing encrypted, and no secret: session ids, token hashes, checkout keys, password hash.
    expect(text).not.toContain('enc1:');
    const secrets = await queryRow<{ sessionId: string; hash: string; checkoutKey: string; passwordHash: string }>(
      await getDb(),
      sql`select (select id::text from sessions where user_id = u.id limit 1) as "sessionId",
          (select access_token_hash from orders where user_id = u.id limit 1) as hash,
          (select checkout_key from orders where user_id = u.id limit 1) as "checkoutKey",
          u.password_hash as "passwordHash"
        from users u where u.id = ${ada.id}`,
    );
    for (const secret of Object.values(secrets)) if (secret) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|accessTokenHash|checkoutKey|tokenHash/);
  });

  it('includes the shopper rentals with their amounts and dates, and the waitlist places', async () => {
    const admin = await deskAdmin();
    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    const reserved = await reserveCopy({
      editionId,
      userId: ada.id,
      periodDays: 7,
      now: new Date('2026-03-02T10:00:00Z'),
    });
    if (!reserved.ok) throw new Error(reserved.error);
    const settings = { periods: [7, 14], timeZone: 'UTC' };
    await dispatchRental(admin, { rentalId: reserved.rental.id, now: new Date('2026-03-02T10:00:00Z') }, settings);
    // Back two days late: 2 × 72 kept, the rest of the 2999 deposit refunded.
    expect(await checkIn(admin, { code: codes[0]!, now: new Date('2026-03-11T10:00:00Z') }, settings)).toMatchObject({
      ok: true,
    });
    const waited = await createRentableEdition({ copies: 0 });
    await (await getDb()).insert(rentalWaitlist).values({ editionId: waited.editionId, userId: ada.id });
    const bobs = await createRentableEdition({ copies: 1 });
    await reserveCopy({ editionId: bobs.editionId, userId: bob.id, periodDays: 7, now: new Date() });

    await signInAs(ada.id);
    const data = await (await GET(new Request('http://localhost/api/account/export'))).json();
    expect(data.rentals).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Test Item/),
        format: 'cd',
        status: 'returned',
        periodDays: 7,
        feeMinor: 499,
        depositMinor: 2999,
        lateFeePerDayMinor: 72,
        dispatchedAt: '2026-03-02T10:00:00.000Z',
        dueAt: '2026-03-10T00:00:00.000Z',
        returnedAt: '2026-03-11T10:00:00.000Z',
        lateFeeChargedMinor: 144,
        damageChargeMinor: 0,
        depositRefundMinor: 2855,
        order: null,
      }),
    ]);
    expect(data.rentalWaitlist).toEqual([expect.objectContaining({ status: 'waiting', sku: expect.any(String) })]);
  });

  it('answers 401 to a visitor and 429 when downloaded too often', async () => {
    const visitor = await GET(new Request('http://localhost/api/account/export'));
    expect(visitor.status).toBe(401);
    expect(await visitor.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });

    await signInAs(bob.id);
    for (let i = 0; i < EXPORT_RATE_LIMIT.limit; i++)
      expect((await GET(new Request('http://localhost/api/account/export'))).status).toBe(200);
    const throttled = await GET(new Request('http://localhost/api/account/export'));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    // Bob's limit is his own: Ada can still download hers.
    requestContext.reset();
    await signInAs(ada.id);
    expect((await GET(new Request('http://localhost/api/account/export'))).status).toBe(200);
  });
});
