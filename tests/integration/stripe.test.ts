import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/webhooks/stripe/route';
import { getDb, queryRow, queryRows } from '@/db';
import { env } from '@/lib/env';
import type { OrderForPayment } from '@/lib/payments/provider';
import { expireUnpaidOrders } from '@/lib/orders/lifecycle';
import { reconcileStripePayments } from '@/lib/orders/stripe-reconcile';
import { resetStripeClientForTests, sessionExpiresAt, stripeProvider } from '@/lib/payments/stripe';
import {
  checkoutEvent,
  type FormObject,
  type RecordedSession,
  signedWebhookRequest,
  startStripeRecorder,
  type StripeRecorder,
} from '../support/stripe-recorder';
import { itOnPostgres } from '../support/concurrency';
import { expectAllOrNothing } from '../support/faults';
import { at, first, only } from '@/tests/support/lists';
import { outboxMails } from '../support/outbox';

/**
 * Stripe end to end without the network: the real SDK talks to a local recorder, the real webhook
 * route handler receives events signed like Stripe signs them, and the orders live in the real test
 * database (PGlite, or Postgres with DATABASE_URL — where the concurrent deliveries really race).
 */

const SECRET = `whsec_${randomBytes(16).toString('hex')}`;
const saved = {
  STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET: env.STRIPE_WEBHOOK_SECRET,
  STRIPE_API_BASE: env.STRIPE_API_BASE,
  STRIPE_PAYMENT_METHODS: env.STRIPE_PAYMENT_METHODS,
};
let recorder: StripeRecorder;

beforeAll(async () => {
  recorder = await startStripeRecorder();
  env.STRIPE_SECRET_KEY = 'sk_test_recorder';
  env.STRIPE_WEBHOOK_SECRET = SECRET;
  env.STRIPE_API_BASE = recorder.url;
  env.STRIPE_PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'];
  resetStripeClientForTests();
});

afterAll(async () => {
  Object.assign(env, saved);
  resetStripeClientForTests();
  await recorder.close();
});

// ---------------------------------------------------------------------------------------------------
// Fixtures: orders as the checkout leaves them (pending, stock taken, ledger rows written).

type TestOrder = {
  id: number;
  number: string;
  email: string;
  sessionId: string;
  totalMinor: number;
  lines: { editionId: number; quantity: number }[];
};

const SHIPPING_MINOR = 499;
const TAX_PERCENT = 10;

async function createStripeOrder(
  options: { sessionId?: string | null; locale?: 'en' | 'zh'; expiresInMinutes?: number } = {},
): Promise<TestOrder> {
  const db = await getDb();
  const editions = await queryRows<{ id: number; priceMinor: number; title: string; format: string; slug: string }>(
    db,
    sql`select e.id, e.price_minor as "priceMinor", p.title, e.format::text as format, p.slug
      from editions e join products p on p.id = e.product_id
      where not e.digital and e.status = 'active' and e.stock >= 3
      order by e.stock desc, e.id limit 2`,
  );
  expect(editions).toHaveLength(2);
  const lines = editions.map((e, i) => ({ edition: e, quantity: i === 0 ? 2 : 1 }));
  const subtotal = lines.reduce((sum, l) => sum + l.edition.priceMinor * l.quantity, 0);
  const tax = Math.round(((subtotal + SHIPPING_MINOR) * TAX_PERCENT) / 100);
  const total = subtotal + SHIPPING_MINOR + tax;
  const sessionId = options.sessionId === undefined ? `cs_test_${randomBytes(12).toString('hex')}` : options.sessionId;
  const email = `buyer.${randomBytes(4).toString('hex')}@example.com`;

  return db.transaction(async (tx) => {
    const order = await queryRow<{ id: number; number: string }>(
      tx,
      sql`insert into orders (number, email, currency, subtotal_minor, shipping_minor, tax_minor, total_minor,
          tax_inclusive, shipping_method, ship_name, locale, checkout_key, access_token_hash, payment_provider,
          payment_ref, expires_at)
        values ('EN-' || nextval('order_number_seq'), ${email}, 'USD', ${subtotal}, ${SHIPPING_MINOR}, ${tax}, ${total},
          false, 'standard', 'Test Buyer', ${options.locale ?? 'en'}, ${randomBytes(12).toString('hex')}, 'x', 'stripe',
          ${sessionId}, now() + make_interval(mins => ${options.expiresInMinutes ?? 30}))
        returning id, number`,
    );
    for (const { edition, quantity } of lines) {
      await tx.execute(sql`update editions set stock = stock - ${quantity} where id = ${edition.id}`);
      await tx.execute(sql`insert into stock_movements (edition_id, delta, reason, order_id)
        values (${edition.id}, ${-quantity}, 'order', ${order.id})`);
      await tx.execute(sql`insert into order_lines (order_id, edition_id, product_slug, title, format, unit_price_minor,
          quantity, line_total_minor)
        values (${order.id}, ${edition.id}, ${edition.slug}, ${edition.title}, ${edition.format}, ${edition.priceMinor},
          ${quantity}, ${edition.priceMinor * quantity})`);
    }
    return {
      id: order.id,
      number: order.number,
      email,
      sessionId: sessionId ?? '',
      totalMinor: total,
      lines: lines.map((l) => ({ editionId: l.edition.id, quantity: l.quantity })),
    };
  });
}

/** What lib/checkout hands the provider: the order and its lines, read back from the database. */
async function orderForPayment(orderId: number): Promise<OrderForPayment> {
  const db = await getDb();
  const order = await queryRow<{
    number: string;
    email: string;
    currency: string;
    locale: string;
    shippingMinor: number;
    taxMinor: number;
    totalMinor: number;
    expiresAt: Date;
  }>(
    db,
    sql`select number, email, currency, locale, shipping_minor as "shippingMinor", tax_minor as "taxMinor",
        total_minor as "totalMinor", expires_at as "expiresAt" from orders where id = ${orderId}`,
  );
  const lines = await queryRows<{ title: string; format: string; unitPriceMinor: number; quantity: number }>(
    db,
    sql`select title, format, unit_price_minor as "unitPriceMinor", quantity from order_lines
      where order_id = ${orderId} order by id`,
  );
  const returnUrl = `http://localhost:3000/orders/${order.number}?key=secret`;
  return {
    id: orderId,
    number: order.number,
    email: order.email,
    currency: order.currency,
    locale: order.locale === 'zh' ? 'zh' : 'en',
    lines,
    shippingMinor: order.shippingMinor,
    addedTaxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
    returnUrl,
    cancelUrl: returnUrl,
    expiresAt: new Date(order.expiresAt),
  };
}

async function orderRow(orderId: number) {
  const db = await getDb();
  const row = await queryRow<{
    status: string;
    expiresAt: Date;
    reviewReason: string | null;
    cancelReason: string | null;
    stockReleased: boolean;
    paymentRef: string | null;
    paymentIntentRef: string | null;
  }>(
    db,
    sql`select status, expires_at as "expiresAt", review_reason as "reviewReason", cancel_reason as "cancelReason",
        stock_released as "stockReleased", payment_ref as "paymentRef", payment_intent_ref as "paymentIntentRef"
      from orders where id = ${orderId}`,
  );
  return { ...row, expiresAt: new Date(row.expiresAt) };
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const row = await queryRow<{ n: number }>(await getDb(), query);
  return Number(row.n);
}

const orderEvents = (orderId: number, type: string) =>
  count(sql`select count(*)::int as n from order_events where order_id = ${orderId} and type = ${type}`);
const allOrderEvents = (orderId: number) =>
  count(sql`select count(*)::int as n from order_events where order_id = ${orderId}`);
const paidMails = (orderId: number) =>
  count(sql`select count(*)::int as n from mail_outbox where dedupe_key = ${`order-paid:${orderId}`}`);
const cancelledMails = async (orderId: number) => outboxMails({ dedupeKey: `order-cancelled:${orderId}` });
const recordedEvents = (eventId: string) =>
  count(sql`select count(*)::int as n from payment_events where event_id = ${eventId}`);

async function stockOf(editionIds: number[]): Promise<Map<number, number>> {
  const rows = await queryRows<{ id: number; stock: number }>(
    await getDb(),
    sql`select id, stock from editions where id in (${sql.join(
      editionIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.stock]));
}

/** A Checkout Session as Stripe reports a paid one for this order. */
function paidSession(
  order: TestOrder,
  overrides: Partial<RecordedSession> = {},
): Partial<RecordedSession> & { id: string } {
  return {
    id: order.sessionId,
    status: 'complete',
    payment_status: 'paid',
    amount_total: order.totalMinor,
    currency: 'usd',
    customer_email: order.email,
    metadata: { orderId: String(order.id), orderNumber: order.number },
    payment_intent: `pi_test_${order.id}`,
    ...overrides,
  };
}

async function deliver(event: Record<string, unknown>) {
  const response = await POST(signedWebhookRequest(JSON.stringify(event), { secret: SECRET }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// ---------------------------------------------------------------------------------------------------

describe('startPayment', () => {
  it('creates one Checkout Session priced from the database, with metadata, methods and an idempotency key', async () => {
    const order = await createStripeOrder({ sessionId: null });
    const db = await getDb();
    const prices = await queryRows<{ title: string; priceMinor: number; quantity: number }>(
      db,
      sql`select p.title, e.price_minor as "priceMinor", l.quantity from order_lines l
        join editions e on e.id = l.edition_id join products p on p.id = e.product_id
        where l.order_id = ${order.id} order by l.id`,
    );
    const input = await orderForPayment(order.id);
    const before = recorder.requests.length;

    const started = await stripeProvider().startPayment(input);

    const created = recorder.requests.slice(before);
    expect(created.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/checkout/sessions']);
    const request = only(created, 'checkout session request');
    expect(request.idempotencyKey).toBe(`checkout-session-${order.id}`);
    const params = request.params;
    expect(params).toMatchObject({
      mode: 'payment',
      currency: 'usd',
      customer_email: order.email,
      client_reference_id: order.number,
      metadata: { orderId: String(order.id), orderNumber: order.number },
      payment_intent_data: { metadata: { orderId: String(order.id), orderNumber: order.number } },
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      payment_method_options: { wechat_pay: { client: 'web' } },
      locale: 'en',
      success_url: `${input.returnUrl}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: input.cancelUrl,
      shipping_options: [
        {
          shipping_rate_data: {
            type: 'fixed_amount',
            fixed_amount: { amount: String(SHIPPING_MINOR), currency: 'usd' },
          },
        },
      ],
    });
    const items = params.line_items as FormObject[];
    expect(items).toHaveLength(prices.length + 1);
    prices.forEach((price, i) => {
      expect(items[i]).toMatchObject({
        quantity: String(price.quantity),
        price_data: { currency: 'usd', unit_amount: String(price.priceMinor) },
      });
      expect((at(items, i).price_data as { product_data: { name: string } }).product_data.name).toMatch(
        new RegExp(`^${price.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — \\S`),
      );
    });
    expect(items.at(-1)).toMatchObject({
      quantity: '1',
      price_data: { unit_amount: String(input.addedTaxMinor), product_data: { name: 'Tax' } },
    });
    const expiresAt = Number(params.expires_at);
    const nowSeconds = Date.now() / 1000;
    expect(expiresAt).toBeGreaterThanOrEqual(nowSeconds + 30 * 60);
    expect(expiresAt).toBeLessThanOrEqual(nowSeconds + 24 * 60 * 60);

    // What Stripe computed from those parameters is what the order says.
    const session = recorder.sessions.get(started.paymentRef)!;
    expect(started).toEqual({ paymentRef: session.id, redirectUrl: session.url });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.amount_total).toBe(order.totalMinor);

    // Asking again (a double click, a retry) gets the same session, not a second one.
    const again = await stripeProvider().startPayment(input);
    expect(again).toEqual(started);
    expect(recorder.requests.slice(before).every((r) => r.idempotencyKey === `checkout-session-${order.id}`)).toBe(
      true,
    );
  });

  it('speaks the order’s language and leaves out WeChat Pay options when only cards are offered', async () => {
    const order = await createStripeOrder({ sessionId: null, locale: 'zh' });
    env.STRIPE_PAYMENT_METHODS = ['card'];
    try {
      const before = recorder.requests.length;
      await stripeProvider().startPayment(await orderForPayment(order.id));
      const { params } = at(recorder.requests, before);
      expect(params.locale).toBe('zh');
      expect(params.allowed_payment_method_types).toEqual(['card']);
      expect(params.payment_method_options).toBeUndefined();
      const items = params.line_items as { price_data: { product_data: { name: string } } }[];
      expect(items.at(-1)!.price_data.product_data.name).toBe('税费');
    } finally {
      env.STRIPE_PAYMENT_METHODS = ['card', 'alipay', 'wechat_pay'];
    }
  });

  it('retries a create that failed on Stripe’s side with the same idempotency key', async () => {
    const order = await createStripeOrder({ sessionId: null });
    recorder.failOnce('POST', '/v1/checkout/sessions', 500);
    const before = recorder.requests.length;
    const started = await stripeProvider().startPayment(await orderForPayment(order.id));
    const calls = recorder.requests.slice(before);
    expect(calls.map((r) => r.idempotencyKey)).toEqual([
      `checkout-session-${order.id}`,
      `checkout-session-${order.id}`,
    ]);
    expect(recorder.sessions.get(started.paymentRef)?.metadata.orderId).toBe(String(order.id));
  });

  it('refuses, before calling Stripe, an order whose lines do not add up to its total', async () => {
    const order = await createStripeOrder({ sessionId: null });
    const input = await orderForPayment(order.id);
    const before = recorder.requests.length;
    await expect(stripeProvider().startPayment({ ...input, totalMinor: input.totalMinor + 1 })).rejects.toThrow(
      /do not add up/,
    );
    expect(recorder.requests.length).toBe(before);
  });

  it('moves the order deadline into the 30 minutes to 24 hours Stripe accepts', () => {
    const now = Date.UTC(2030, 0, 1);
    const minutes = (n: number) => Math.floor((now + n * 60_000) / 1000);
    expect(sessionExpiresAt(new Date(now + 5 * 60_000), now)).toBe(minutes(31));
    expect(sessionExpiresAt(new Date(now + 120 * 60_000), now)).toBe(minutes(120));
    expect(sessionExpiresAt(new Date(now + 3 * 24 * 60 * 60_000), now)).toBe(minutes(24 * 60 - 5));
  });
});

describe('refunds and cancellation', () => {
  it('refunds through the payment intent (looked up from the session when unknown) with the idempotency key', async () => {
    const session = recorder.addSession({
      status: 'complete',
      payment_status: 'paid',
      payment_intent: 'pi_test_lookup',
    });
    const before = recorder.requests.length;
    const refund = await stripeProvider().refund({
      paymentRef: session.id,
      paymentIntentRef: null,
      amountMinor: 1234,
      idempotencyKey: 'refund-42-1',
    });
    expect(refund.refundRef).toMatch(/^re_test_/);
    const calls = recorder.requests.slice(before);
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/checkout/sessions/${session.id}`,
      'POST /v1/refunds',
    ]);
    expect(at(calls, 1).params).toEqual({ payment_intent: 'pi_test_lookup', amount: '1234' });
    expect(at(calls, 1).idempotencyKey).toBe('refund-42-1');

    const direct = recorder.requests.length;
    await stripeProvider().refund({
      paymentRef: session.id,
      paymentIntentRef: 'pi_test_known',
      amountMinor: 100,
      idempotencyKey: 'refund-42-2',
    });
    expect(recorder.requests.slice(direct).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/refunds']);
  });

  it('expires an open session, accepts one that is already expired or complete, and reports an unknown one', async () => {
    const open = recorder.addSession({});
    await stripeProvider().cancelPayment(open.id);
    expect(recorder.sessions.get(open.id)!.status).toBe('expired');
    await expect(stripeProvider().cancelPayment(open.id)).resolves.toBeUndefined();
    const complete = recorder.addSession({ status: 'complete', payment_status: 'paid' });
    await expect(stripeProvider().cancelPayment(complete.id)).resolves.toBeUndefined();
    expect(recorder.sessions.get(complete.id)!.status).toBe('complete');
    await expect(stripeProvider().cancelPayment('cs_test_nonexistent')).rejects.toThrow(/No such checkout.session/);
    // Refused while the session is still open: that is a real failure, reported to the caller.
    const stillOpen = recorder.addSession({});
    recorder.failOnce('POST', `/v1/checkout/sessions/${stillOpen.id}/expire`, 400);
    await expect(stripeProvider().cancelPayment(stillOpen.id)).rejects.toThrow(/Simulated 400/);
    expect(recorder.sessions.get(stillOpen.id)!.status).toBe('open');
  });
});

describe('webhook', () => {
  it('applies checkout.session.completed once when Stripe delivers it five times in a row', async () => {
    const order = await createStripeOrder();
    const event = checkoutEvent('checkout.session.completed', paidSession(order));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await deliver(event));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.duplicate)).toEqual([false, true, true, true, true]);
    expect(first(answers).body.outcome).toBe('paid');
    const row = await orderRow(order.id);
    expect(row.status).toBe('paid');
    expect(row.paymentIntentRef).toBe(`pi_test_${order.id}`);
    expect(await orderEvents(order.id, 'paid')).toBe(1);
    expect(await paidMails(order.id)).toBe(1);
    expect(await recordedEvents(event.id as string)).toBe(1);
  });

  it('confirms in the order’s language, with its number, lines and total', async () => {
    const order = await createStripeOrder({ locale: 'zh' });
    expect((await deliver(checkoutEvent('checkout.session.completed', paidSession(order)))).body.outcome).toBe('paid');
    const lines = await queryRows<{ title: string; quantity: number; lineTotalMinor: number }>(
      await getDb(),
      sql`select title, quantity, line_total_minor as "lineTotalMinor" from order_lines where order_id = ${order.id} order by id`,
    );
    const usd = (minor: number) => `US$${(minor / 100).toFixed(2)}`;
    const mail = only(await outboxMails({ dedupeKey: `order-paid:${order.id}` }), 'confirmation');
    expect(mail).toMatchObject({ template: 'orderConfirmation', to: order.email, locale: 'zh' });
    expect(mail.subject).toContain(order.number);
    expect(mail.text).toContain('Test Buyer');
    for (const line of lines) {
      const shown = mail.text.split('\n').find((row) => row.startsWith(line.title));
      expect(shown, line.title).toContain(`× ${line.quantity}：${usd(line.lineTotalMinor)}`);
    }
    expect(mail.text).toContain(`运费：${usd(SHIPPING_MINOR)}`);
    expect(mail.text).toContain(`合计：${usd(order.totalMinor)}`);
  });

  itOnPostgres('applies it once when five copies arrive at the same moment', async () => {
    const order = await createStripeOrder();
    const event = checkoutEvent('checkout.session.completed', paidSession(order));
    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    expect((await orderRow(order.id)).status).toBe('paid');
    expect(await orderEvents(order.id, 'paid')).toBe(1);
    expect(await paidMails(order.id)).toBe(1);
  });

  it('answers 400 and changes nothing for a forged, missing, stale or re-signed body, or no secret', async () => {
    const order = await createStripeOrder();
    const event = checkoutEvent('checkout.session.completed', paidSession(order));
    const payload = JSON.stringify(event);
    const { data, ...rest } = event;
    const reordered = JSON.stringify({ data, ...rest }); // same JSON, keys in another order
    const attempts: [string, Request][] = [
      ['forged', signedWebhookRequest(payload, { secret: 'whsec_not_the_real_secret' })],
      ['no signature', signedWebhookRequest(payload, { secret: SECRET, signature: null })],
      ['garbage signature', signedWebhookRequest(payload, { secret: SECRET, signature: 't=1,v1=deadbeef' })],
      ['stale', signedWebhookRequest(payload, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })],
      ['pretty-printed', signedWebhookRequest(payload, { secret: SECRET, body: JSON.stringify(event, null, 2) })],
      ['keys reordered', signedWebhookRequest(payload, { secret: SECRET, body: reordered })],
      ['signed non-JSON', signedWebhookRequest('not json', { secret: SECRET })],
    ];
    // Stripe's dashboard shows the answer of a failed delivery: it says what to fix.
    const reason = async (request: Request) => {
      const response = await POST(request);
      return {
        status: response.status,
        message: ((await response.json()) as { error: { message: string } }).error.message,
      };
    };
    for (const [name, request] of attempts) {
      expect(await reason(request), name).toEqual({
        status: 400,
        message: name === 'no signature' ? 'missing Stripe-Signature header' : 'invalid signature or payload',
      });
    }
    env.STRIPE_WEBHOOK_SECRET = undefined;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await reason(signedWebhookRequest(payload, { secret: SECRET }))).toEqual({
        status: 400,
        message: 'webhook signing secret not configured',
      });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('STRIPE_WEBHOOK_SECRET is not set'));
    } finally {
      logged.mockRestore();
      env.STRIPE_WEBHOOK_SECRET = SECRET;
    }
    expect((await orderRow(order.id)).status).toBe('pending_payment');
    expect(await recordedEvents(event.id as string)).toBe(0);
    expect(await allOrderEvents(order.id)).toBe(0);
    expect(await paidMails(order.id)).toBe(0);

    // The untouched delivery still works afterwards: nothing above was mistaken for it.
    expect((await deliver(event)).body.outcome).toBe('paid');
  });

  it('is all or nothing at every statement of a paid event, and Stripe’s redelivery applies it once', async () => {
    await expectAllOrNothing({
      setup: async () => {
        const order = await createStripeOrder();
        return { order, event: checkoutEvent('checkout.session.completed', paidSession(order)) };
      },
      run: async ({ event }) => {
        const answer = await deliver(event);
        if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}`);
      },
      check: async ({ order, event }) => {
        expect((await orderRow(order.id)).status).toBe('paid');
        expect(await orderEvents(order.id, 'paid')).toBe(1);
        expect(await paidMails(order.id)).toBe(1);
        expect(await recordedEvents(event.id as string)).toBe(1);
      },
    });
  });

  it('is all or nothing at every statement of an expired event: the stock comes back once', async () => {
    await expectAllOrNothing({
      setup: async () => {
        const order = await createStripeOrder();
        const event = checkoutEvent('checkout.session.expired', { id: order.sessionId, status: 'expired' });
        return { order, event, stock: await stockOf(order.lines.map((line) => line.editionId)) };
      },
      run: async ({ event }) => {
        const answer = await deliver(event);
        if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}`);
      },
      check: async ({ order, stock }) => {
        expect(await orderRow(order.id)).toMatchObject({ status: 'cancelled', stockReleased: true });
        const now = await stockOf(order.lines.map((line) => line.editionId));
        for (const line of order.lines)
          expect(now.get(line.editionId)).toBe(stock.get(line.editionId)! + line.quantity);
        expect(await orderEvents(order.id, 'expired')).toBe(1);
      },
    });
  });

  it('keeps a paid order paid when checkout.session.expired arrives after completed', async () => {
    const order = await createStripeOrder();
    const ids = order.lines.map((l) => l.editionId);
    await deliver(checkoutEvent('checkout.session.completed', paidSession(order)));
    const stockBefore = await stockOf(ids);
    const late = await deliver(checkoutEvent('checkout.session.expired', { id: order.sessionId, status: 'expired' }));
    expect(late).toMatchObject({ status: 200, body: { outcome: 'unchanged' } });
    const row = await orderRow(order.id);
    expect(row.status).toBe('paid');
    expect(row.stockReleased).toBe(false);
    expect(await stockOf(ids)).toEqual(stockBefore);
    // A second "paid" event with a new id (async success after completion) changes nothing either.
    const again = await deliver(checkoutEvent('checkout.session.async_payment_succeeded', paidSession(order)));
    expect(again.body.outcome).toBe('already_paid');
    expect(await orderEvents(order.id, 'paid')).toBe(1);
  });

  it('sends an order to review when async_payment_succeeded follows async_payment_failed', async () => {
    const order = await createStripeOrder();
    const ids = order.lines.map((l) => l.editionId);
    const stockBefore = await stockOf(ids);
    const failed = await deliver(
      checkoutEvent('checkout.session.async_payment_failed', paidSession(order, { payment_status: 'unpaid' })),
    );
    expect(failed.body.outcome).toBe('cancelled');
    expect((await orderRow(order.id)).cancelReason).toBe('payment_failed');
    expect(await orderEvents(order.id, 'cancelled')).toBe(1);
    // The shopper is told their order was cancelled (unlike a silent expiry: see the expiry sweep).
    expect(await cancelledMails(order.id)).toEqual([
      expect.objectContaining({ template: 'orderCancelled', to: order.email }),
    ]);
    const succeeded = await deliver(checkoutEvent('checkout.session.async_payment_succeeded', paidSession(order)));
    expect(succeeded.body.outcome).toBe('needs_review');
    const row = await orderRow(order.id);
    expect(row.status).toBe('needs_review');
    expect(row.reviewReason).toMatch(/cancelled/);
    // The stock went back once (on the failure) and the shopper got no confirmation.
    const stockAfter = await stockOf(ids);
    for (const line of order.lines)
      expect(stockAfter.get(line.editionId)).toBe(stockBefore.get(line.editionId)! + line.quantity);
    expect(await paidMails(order.id)).toBe(0);
    expect(await orderEvents(order.id, 'paid')).toBe(0);
  });

  it('releases the stock once when checkout.session.expired is delivered twice', async () => {
    const order = await createStripeOrder();
    const ids = order.lines.map((l) => l.editionId);
    const stockBefore = await stockOf(ids);
    const event = checkoutEvent('checkout.session.expired', { id: order.sessionId, status: 'expired' });
    const first = await deliver(event);
    const copy = await deliver(event);
    const newId = await deliver(checkoutEvent('checkout.session.expired', { id: order.sessionId, status: 'expired' }));
    expect([first.body.outcome, copy.body.duplicate, newId.body.outcome]).toEqual(['cancelled', true, 'unchanged']);
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'expired', stockReleased: true });
    expect(await cancelledMails(order.id)).toEqual([]);
    const stockAfter = await stockOf(ids);
    for (const line of order.lines) {
      expect(stockAfter.get(line.editionId)).toBe(stockBefore.get(line.editionId)! + line.quantity);
    }
    const ledger = await queryRows<{ editionId: number; delta: number }>(
      await getDb(),
      sql`select edition_id as "editionId", delta from stock_movements
        where order_id = ${order.id} and reason = 'expired' order by edition_id`,
    );
    expect(ledger).toEqual(
      [...order.lines]
        .sort((a, b) => a.editionId - b.editionId)
        .map((l) => ({ editionId: l.editionId, delta: l.quantity })),
    );
  });

  it('sends an order whose payment differs in amount or currency to review, without a confirmation', async () => {
    const short = await createStripeOrder();
    const wrongCurrency = await createStripeOrder();
    const a = await deliver(
      checkoutEvent('checkout.session.completed', paidSession(short, { amount_total: short.totalMinor - 1 })),
    );
    const b = await deliver(
      checkoutEvent('checkout.session.completed', paidSession(wrongCurrency, { currency: 'eur' })),
    );
    expect([a.body.outcome, b.body.outcome]).toEqual(['needs_review', 'needs_review']);
    expect(await orderRow(short.id)).toMatchObject({ status: 'needs_review' });
    expect((await orderRow(short.id)).reviewReason).toContain(String(short.totalMinor - 1));
    expect((await orderRow(wrongCurrency.id)).reviewReason).toContain('EUR');
    // Staff refund what was paid through the payment intent the review order keeps.
    expect((await orderRow(short.id)).paymentIntentRef).toBe(`pi_test_${short.id}`);
    expect(await paidMails(short.id)).toBe(0);
    expect(await paidMails(wrongCurrency.id)).toBe(0);
  });

  it('keeps an order pending while an asynchronous payment settles, and pays it when it does', async () => {
    // Checkout completed just as the payment window closed (the webhook comes a moment later).
    const order = await createStripeOrder({ expiresInMinutes: -1 });
    const pending = await deliver(
      checkoutEvent('checkout.session.completed', paidSession(order, { payment_status: 'unpaid' })),
    );
    expect(pending.body.outcome).toBe('awaiting_payment');
    const row = await orderRow(order.id);
    expect(row.status).toBe('pending_payment');
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3 * 24 * 60 * 60_000 - 60_000);
    expect(await orderEvents(order.id, 'awaiting_payment')).toBe(1);
    expect(await paidMails(order.id)).toBe(0);
    expect(row.paymentIntentRef).toBe(`pi_test_${order.id}`);
    // The expiry sweep leaves it alone while the payment settles: its window moved out.
    expect((await expireUnpaidOrders()).paymentRefs).not.toContain(order.sessionId);
    expect((await orderRow(order.id)).status).toBe('pending_payment');

    const settled = await deliver(checkoutEvent('checkout.session.async_payment_succeeded', paidSession(order)));
    expect(settled.body.outcome).toBe('paid');
    expect((await orderRow(order.id)).status).toBe('paid');
    expect(await paidMails(order.id)).toBe(1);
  });

  it('does not bring back an order that is no longer pending when a completed, unpaid session arrives', async () => {
    const order = await createStripeOrder();
    await deliver(checkoutEvent('checkout.session.expired', { id: order.sessionId, status: 'expired' }));
    const before = await orderRow(order.id);
    const late = await deliver(
      checkoutEvent('checkout.session.completed', paidSession(order, { payment_status: 'unpaid' })),
    );
    expect(late).toMatchObject({ status: 200, body: { outcome: 'unchanged' } });
    expect(await orderRow(order.id)).toEqual(before);
    expect(await orderEvents(order.id, 'awaiting_payment')).toBe(0);
  });

  it('applies a completed session that needed no payment like a paid one, amount check included', async () => {
    const covered = await createStripeOrder();
    const free = await createStripeOrder();
    const a = await deliver(
      checkoutEvent('checkout.session.completed', paidSession(covered, { payment_status: 'no_payment_required' })),
    );
    const b = await deliver(
      checkoutEvent(
        'checkout.session.completed',
        paidSession(free, { payment_status: 'no_payment_required', amount_total: 0 }),
      ),
    );
    expect([a.body.outcome, b.body.outcome]).toEqual(['paid', 'needs_review']);
    expect(await paidMails(covered.id)).toBe(1);
    expect((await orderRow(free.id)).status).toBe('needs_review');
  });

  it('records and ignores events for unknown sessions and event types it does not handle', async () => {
    const unknown = checkoutEvent('checkout.session.completed', {
      id: 'cs_test_not_ours',
      payment_status: 'paid',
      amount_total: 100,
      currency: 'usd',
    });
    expect(await deliver(unknown)).toMatchObject({ status: 200, body: { received: true, outcome: 'unknown_session' } });
    expect(await recordedEvents(unknown.id as string)).toBe(1);
    const other = {
      ...checkoutEvent('customer.created', { id: 'cus_test_1' }),
      data: { object: { id: 'cus_test_1' } },
    };
    expect(await deliver(other)).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
  });
});

describe('the expiry sweep', () => {
  it('cancels the orders whose window passed, gives their stock back, tells Stripe, and mails nobody', async () => {
    const due = await createStripeOrder({ expiresInMinutes: -5 });
    recorder.addSession({ id: due.sessionId });
    // A session Stripe no longer knows: telling it fails, and the sweep carries on.
    const gone = await createStripeOrder({ expiresInMinutes: -1 });
    const notDue = await createStripeOrder({ expiresInMinutes: 5 });
    const ids = [...due.lines, ...gone.lines].map((l) => l.editionId);
    const stockBefore = await stockOf(ids);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const swept = await expireUnpaidOrders();
      expect(swept.paymentRefs).toEqual(expect.arrayContaining([due.sessionId, gone.sessionId]));
      expect(swept.paymentRefs).not.toContain(notDue.sessionId);
      expect(swept.expired).toBe(swept.paymentRefs.length);
      expect(logged).toHaveBeenCalledWith('[encore] cancelPayment', expect.anything());
    } finally {
      logged.mockRestore();
    }
    expect(recorder.sessions.get(due.sessionId)?.status).toBe('expired');
    for (const order of [due, gone]) {
      expect(await orderRow(order.id)).toMatchObject({ status: 'cancelled', cancelReason: 'expired' });
      expect(await orderEvents(order.id, 'expired')).toBe(1);
      // An unpaid order that lapsed is not news to the shopper: no cancellation mail.
      expect(await cancelledMails(order.id)).toEqual([]);
    }
    const stockAfter = await stockOf(ids);
    for (const line of [...due.lines, ...gone.lines]) {
      expect(stockAfter.get(line.editionId)).toBe(stockBefore.get(line.editionId)! + line.quantity);
    }
    expect((await orderRow(notDue.id)).status).toBe('pending_payment');

    // A second sweep finds nothing more of these to cancel.
    const again = await expireUnpaidOrders();
    expect(again.paymentRefs).not.toContain(due.sessionId);
    expect(again.paymentRefs).not.toContain(gone.sessionId);
  });

  it('takes at most `limit` orders per sweep, the longest overdue first', async () => {
    // Placed in the other order than they fell due.
    const newer = await createStripeOrder({ expiresInMinutes: -10 });
    const older = await createStripeOrder({ expiresInMinutes: -20 });
    recorder.addSession({ id: older.sessionId });
    recorder.addSession({ id: newer.sessionId });
    // Whatever earlier tests left overdue goes first, one order per sweep.
    for (let sweep = 0; (await expireUnpaidOrders({ limit: 1 })).paymentRefs[0] !== older.sessionId; sweep++) {
      expect(sweep).toBeLessThan(20);
      expect((await orderRow(older.id)).status).toBe('pending_payment');
    }
    expect((await orderRow(newer.id)).status).toBe('pending_payment');
    expect(await expireUnpaidOrders({ limit: 1 })).toEqual({ expired: 1, paymentRefs: [newer.sessionId] });
  });
});

describe('reconcile', () => {
  // Each test lists only the sessions it set up.
  beforeEach(() => recorder.sessions.clear());

  it('fulfils paid sessions whose webhook never came, and changes nothing the second time', async () => {
    const missed = await createStripeOrder();
    recorder.addSession(paidSession(missed));
    // The session was created but saving its id on the order failed: found through its metadata.
    const unreferenced = await createStripeOrder({ sessionId: null });
    const unreferencedSession = recorder.addSession(
      paidSession({ ...unreferenced, sessionId: `cs_test_${randomBytes(8).toString('hex')}` }),
    );
    const alreadyPaid = await createStripeOrder();
    recorder.addSession(paidSession(alreadyPaid));
    await deliver(checkoutEvent('checkout.session.completed', paidSession(alreadyPaid)));
    const stillOpen = await createStripeOrder();
    recorder.addSession({ id: stillOpen.sessionId, metadata: { orderId: String(stillOpen.id) } });
    const old = await createStripeOrder();
    recorder.addSession(paidSession(old, { created: Math.floor(Date.now() / 1000) - 5 * 24 * 60 * 60 }));
    // A paid session of another database on the same Stripe account whose order id and number collide
    // with an unreferenced order here (the newest session, so it is looked at first): the email differs.
    recorder.addSession(
      paidSession({ ...unreferenced, sessionId: 'cs_test_elsewhere', email: 'someone@else.example' }),
    );
    const paidEventsBefore = await orderEvents(alreadyPaid.id, 'paid');

    const listCallsBefore = recorder.requests.filter(
      (r) => r.path === '/v1/checkout/sessions' && r.method === 'GET',
    ).length;
    const first = await reconcileStripePayments({ days: 3 });
    expect(first).toMatchObject({ fulfilled: 2, needsReview: 0, notFound: 1 });
    const listCalls = recorder.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.method === 'GET');
    expect(listCalls.length - listCallsBefore).toBeGreaterThan(1); // more than one page was read
    expect(listCalls.at(-1)!.params).toMatchObject({ status: 'complete', created: { gte: expect.any(String) } });

    expect(await orderRow(missed.id)).toMatchObject({ status: 'paid', paymentIntentRef: `pi_test_${missed.id}` });
    expect(await orderRow(unreferenced.id)).toMatchObject({ status: 'paid', paymentRef: unreferencedSession.id });
    expect((await orderRow(stillOpen.id)).status).toBe('pending_payment');
    expect((await orderRow(old.id)).status).toBe('pending_payment');
    expect(await orderEvents(alreadyPaid.id, 'paid')).toBe(paidEventsBefore);
    for (const order of [missed, unreferenced]) {
      expect(await orderEvents(order.id, 'paid')).toBe(1);
      expect(await orderEvents(order.id, 'reconciled')).toBe(1);
      expect(await paidMails(order.id)).toBe(1);
    }

    const second = await reconcileStripePayments({ days: 3 });
    expect(second).toMatchObject({ fulfilled: 0, needsReview: 0 });
    for (const order of [missed, unreferenced]) {
      expect(await allOrderEvents(order.id)).toBe(2);
      expect(await paidMails(order.id)).toBe(1);
    }
  });

  itOnPostgres('fulfils an order once when several instances reconcile at the same time', async () => {
    const order = await createStripeOrder();
    recorder.addSession(paidSession(order));
    const results = await Promise.all([1, 2, 3].map(() => reconcileStripePayments({ days: 1 })));
    expect(results.reduce((sum, r) => sum + r.fulfilled, 0)).toBe(1);
    expect(await orderEvents(order.id, 'paid')).toBe(1);
    expect(await paidMails(order.id)).toBe(1);
  });

  it('sends a session paid after its order was cancelled to review', async () => {
    const order = await createStripeOrder();
    await deliver(checkoutEvent('checkout.session.expired', { id: order.sessionId, status: 'expired' }));
    recorder.addSession(paidSession(order));
    const result = await reconcileStripePayments({ days: 1 });
    expect(result.needsReview).toBe(1);
    expect((await orderRow(order.id)).status).toBe('needs_review');
    expect((await reconcileStripePayments({ days: 1 })).needsReview).toBe(0);
  });
});
