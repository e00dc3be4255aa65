import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import { placeOrder } from '@/lib/checkout/place-order';
import { env } from '@/lib/env';
import { checkOrderAccessKey, hashAccessKey, orderAccessKey } from '@/lib/orders/access';
import { requestOrderLinkAction } from '@/lib/actions/orders';
import { cancelOrderAsCustomer } from '@/lib/orders/mutations';
import { getOrderAccess, getOrderForViewer } from '@/lib/orders/queries';
import { checkoutContext, createCart, createTestEdition, guestCheckout } from '../support/commerce';
import { captureMail } from '../support/outbox';
import { requestContext, signInAs } from '../support/request-context';
import { first, take } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
// Work scheduled with after() runs at once; `settled()` waits for it, as the end of a request would.
const afterWork = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock('next/server', async (original) => ({
  ...(await original<object>()),
  after: (fn: () => unknown) => void afterWork.push(Promise.resolve(fn())),
}));
const settled = () => Promise.all(afterWork.splice(0));

beforeEach(() => requestContext.reset());

const DAY = 86_400_000;

async function guestOrder(
  email = `links.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`,
) {
  const { editionId } = await createTestEdition({ stock: 5 });
  const cartId = await createCart([{ editionId, quantity: 1 }]);
  const placed = await placeOrder(guestCheckout({ email }), checkoutContext(cartId));
  if (!placed.ok) throw new Error(`not placed: ${placed.error}`);
  const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key') ?? '';
  return { id: placed.orderId, number: placed.number, key, email };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

// Mail as its recipient reads it (the order link's key is made when the mail is sent).
const mailbox = captureMail();
afterAll(() => mailbox.stop());

async function orderLinkMails(to: string): Promise<{ text: string }[]> {
  return (await mailbox.sentTo(to)).filter((mail) => mail.subject.startsWith('Your link to order'));
}

describe('order access keys', () => {
  it('open their own order for ORDER_LINK_DAYS, and no other order', async () => {
    expect(env.ORDER_LINK_DAYS).toBe(90);
    const order = await guestOrder();
    const other = await guestOrder();
    expect(order.key).toMatch(/^[0-9a-z]+\.[\w-]{32}$/);
    expect((await getOrderAccess(order.number, order.key)).kind).toBe('order');
    expect((await getOrderAccess(other.number, order.key)).kind).toBe('denied');
    expect((await getOrderAccess(order.number, '')).kind).toBe('denied');

    const row = { id: order.id, number: order.number, accessTokenHash: '', createdAt: new Date() };
    const now = Date.now();
    expect(checkOrderAccessKey(orderAccessKey(order.id, order.number, now), row, now + 89 * DAY)).toBe('valid');
    expect(checkOrderAccessKey(orderAccessKey(order.id, order.number, now), row, now + 91 * DAY)).toBe('expired');
  });

  it('cannot be extended: a later expiry with the old signature is refused', async () => {
    const order = await guestOrder();
    const [expiry, signature] = take(order.key.split('.'), 2, 'key part');
    const later = (Number.parseInt(expiry, 36) + 365 * 86_400).toString(36);
    expect((await getOrderAccess(order.number, `${later}.${signature}`)).kind).toBe('denied');
    expect((await getOrderAccess(order.number, `${expiry}.${signature.slice(1)}x`)).kind).toBe('denied');
  });

  it('stop working after their time, with a page that says so, and no action goes through', async () => {
    const order = await guestOrder();
    const old = orderAccessKey(order.id, order.number, Date.now() - 91 * DAY);
    expect(await getOrderAccess(order.number, old)).toEqual({ kind: 'expired' });
    expect(await getOrderForViewer(order.number, old)).toBeNull();
    expect(await cancelOrderAsCustomer(order.number, old)).toEqual({ ok: false, error: 'orderNotFound' });
    // An unknown order looks like a wrong key, not like an expired one.
    expect(await getOrderAccess('EN-999999999', old)).toEqual({ kind: 'denied' });
  });

  it('keep links mailed before keys expired working for ORDER_LINK_DAYS after the order', async () => {
    const order = await guestOrder();
    const legacy = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    const db = await getDb();
    await db.execute(sql`update orders set access_token_hash = ${hashAccessKey(legacy)} where id = ${order.id}`);
    expect((await getOrderAccess(order.number, legacy)).kind).toBe('order');
    await db.execute(sql`update orders set created_at = now() - interval '91 days' where id = ${order.id}`);
    expect(await getOrderAccess(order.number, legacy)).toEqual({ kind: 'expired' });
    expect((await getOrderAccess(order.number, 'AbCdEfGhIjKlMnOpQrStUvWxYz012346')).kind).toBe('denied');
  });

  it('are not needed by the signed-in owner', async () => {
    const suffix = Date.now().toString(36);
    const registered = await registerUser(
      { username: `ol${suffix}`, email: `ol.${suffix}@example.com`, password: 'a long enough passphrase' },
      'en',
    );
    if (!registered.ok) throw new Error('user not created');
    const { editionId } = await createTestEdition({ stock: 5 });
    const cartId = await createCart([{ editionId, quantity: 1 }], registered.userId);
    const user = {
      id: registered.userId,
      username: `ol${suffix}`,
      email: `ol.${suffix}@example.com`,
      displayName: null,
      role: 'customer' as const,
      preferredLocale: null,
      hasPassword: true,
    };
    const placed = await placeOrder(guestCheckout(), checkoutContext(cartId, { user }));
    if (!placed.ok) throw new Error('not placed');
    const old = orderAccessKey(placed.orderId, placed.number, Date.now() - 200 * DAY);
    expect((await getOrderAccess(placed.number, old)).kind).toBe('expired');
    await signInAs(registered.userId);
    expect((await getOrderAccess(placed.number, old)).kind).toBe('order');
    expect((await getOrderAccess(placed.number, null)).kind).toBe('order');
  });
});

describe('a new order link by mail', () => {
  it('goes to the order’s address when the typed address matches, with a key that works', async () => {
    const order = await guestOrder();
    expect(
      await requestOrderLinkAction(null, form({ number: order.number, email: order.email.toUpperCase() })),
    ).toEqual({ ok: true });
    await settled();
    const mail = first(await orderLinkMails(order.email));
    const url = /https?:\/\/\S+\/orders\/EN-\d+\?key=[\w.-]+/.exec(mail.text)?.[0];
    expect(url).toBeTruthy();
    const key = new URL(url!).searchParams.get('key');
    const expiresAt = Number.parseInt(first(key!.split('.')), 36) * 1000;
    expect(Math.abs(expiresAt - (Date.now() + 90 * DAY))).toBeLessThan(60_000);
    expect((await getOrderAccess(order.number, key)).kind).toBe('order');
    expect(mail.text).toContain('90 days');
  });

  it('answers the same, and mails nobody, for a wrong address or an unknown order', async () => {
    const order = await guestOrder();
    expect(await requestOrderLinkAction(null, form({ number: order.number, email: 'someone@example.com' }))).toEqual({
      ok: true,
    });
    expect(await requestOrderLinkAction(null, form({ number: 'EN-987654321', email: order.email }))).toEqual({
      ok: true,
    });
    await settled();
    expect(await orderLinkMails(order.email)).toEqual([]);
    expect(await orderLinkMails('someone@example.com')).toEqual([]);
    expect(await requestOrderLinkAction(null, form({ number: order.number, email: 'not an email' }))).toEqual({
      ok: false,
      fieldErrors: { email: 'emailInvalid' },
    });
    expect(await requestOrderLinkAction(null, form({ number: 'nope', email: order.email }))).toMatchObject({
      ok: false,
    });
  });

  it('is limited per order and per client IP (unknown IPs share one bucket)', async () => {
    const order = await guestOrder();
    const ask = () => requestOrderLinkAction(null, form({ number: order.number, email: order.email }));
    expect([await ask(), await ask(), await ask()]).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(await ask()).toEqual({ ok: false, fieldErrors: { form: 'throttled' } });
    await settled();
    expect(await orderLinkMails(order.email)).toHaveLength(3);

    // Per IP: earlier tests in this file used some of the shared "unknown" bucket; sweep numbers until it is spent.
    const results = [];
    for (let n = 0; n < 12; n++) {
      results.push(await requestOrderLinkAction(null, form({ number: `EN-${800000 + n}`, email: 'x@example.com' })));
    }
    expect(results.at(-1)).toEqual({ ok: false, fieldErrors: { form: 'throttled' } });
    expect(results.filter((result) => result?.ok).length).toBeLessThan(10);
  });
});
