import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as adminMailHtml } from '@/app/admin-mail/[id]/route';
import { getDb, queryRows } from '@/db';
import { deleteAccount } from '@/lib/privacy/delete-account';
import { registerUser } from '@/lib/accounts/mutations';
import { isResetTokenValid, requestPasswordReset } from '@/lib/accounts/password-reset';
import { markOrderDeliveredAction, shipOrderAction } from '@/lib/actions/admin/orders';
import { getCurrentUser } from '@/lib/auth/session';
import { placeOrder } from '@/lib/checkout/place-order';
import { getOutboxMessage, listOutbox } from '@/lib/admin/mail/queries';
import { checkOrderAccessKey, orderAccessKey } from '@/lib/orders/access';
import { cancelOrderAsCustomer, payDemoOrder } from '@/lib/orders/mutations';
import { requestReturn } from '@/lib/orders/returns';
import { getOrderForViewer } from '@/lib/orders/queries';
import { createCart, createTestEdition, guestCheckout, checkoutContext } from '../support/commerce';
import { captureMail, outboxMails, resetTokenIn } from '../support/outbox';
import { requestContext, signInAs } from '../support/request-context';
import { first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/**
 * Mail at rest: no working secret in the outbox (reset links and order keys are made when a mail is
 * sent), none shown to staff, personal content encrypted, every mail tagged with its account and
 * gone with it.
 */

const PASSWORD = 'a long enough passphrase';
const RUN = Date.now().toString(36);
let mail: ReturnType<typeof captureMail>;
let adminId: number;
let counter = 0;

async function newUser(name = 'Grace Sealed') {
  counter += 1;
  const username = `sealed${counter}${RUN}`;
  const email = `Sealed.${counter}.${RUN}@Example.com`;
  const result = await registerUser({ username, email, password: PASSWORD, displayName: name }, 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { id: result.userId, username, email };
}

/** Every column of the outbox rows, as the database holds them (what a dump or a DBA sees). */
async function rawOutboxText(): Promise<string> {
  const rows = await queryRows<{ row: string }>(
    await getDb(),
    sql`select row_to_json(m)::text as row from mail_outbox m`,
  );
  return rows.map((r) => r.row).join('\n');
}

beforeAll(async () => {
  mail = captureMail();
  adminId = (await newUser('Staff Member')).id;
  await (await getDb()).execute(sql`update users set role = 'admin' where id = ${adminId}`);
});
afterAll(() => mail.stop());
beforeEach(() => requestContext.reset());

describe('password reset mail', () => {
  it('is stored without its link, and its recipient gets a link that works', async () => {
    const user = await newUser();
    await requestPasswordReset(user.email, 'en');
    const received = first(
      (await mail.sentTo(user.email)).filter((m) => /reset-password/.test(m.text)),
      'reset mail',
    );
    const token = /reset-password\?token=([\w-]+)/.exec(received.text)?.[1];
    expect(token).toBeTruthy();
    expect(received.html).toContain(`reset-password?token=${token}`);
    expect(await isResetTokenValid(token!)).toBe(true);
    const stored = await rawOutboxText();
    expect(stored).not.toContain(token);
    expect(stored).not.toContain('reset-password?token=');
    // Nor once decrypted: the stored mail has no link to hide.
    const decrypted = (await outboxMails({ to: user.email })).map((m) => m.text + m.html).join('\n');
    expect(decrypted).not.toContain(token);
    expect(decrypted).not.toContain('reset-password?token=');
  });

  it('shows admins the mail with the link hidden, in the viewer and in its HTML page', async () => {
    const user = await newUser();
    await requestPasswordReset(user.email, 'en');
    const received = first(
      (await mail.sentTo(user.email)).filter((m) => /reset-password/.test(m.text)),
      'reset mail',
    );
    const token = resetTokenIn(received.text);
    const stored = first(await outboxMails({ to: user.email, template: 'passwordReset' }));
    await signInAs(adminId);
    const shown = (await getOutboxMessage(stored.id))!;
    expect(shown.subject).toBe('Reset your Encore password');
    for (const body of [
      shown.text,
      shown.html,
      await (
        await adminMailHtml(new Request('http://x'), { params: Promise.resolve({ id: String(stored.id) }) })
      ).text(),
    ]) {
      expect(body).not.toContain(token);
      expect(body).not.toContain('reset-password');
      expect(body).toMatch(/link left out: only the recipient(&#39;|')s copy has it/);
      expect(body).toContain('Choose a new password');
    }
  });
});

describe('order mail', () => {
  it('keeps neither the order key nor the shopper’s name or address readable, and sends the key to the shopper', async () => {
    const { editionId } = await createTestEdition({ stock: 3, priceMinor: 1200 });
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    const email = `ada.sealed.${RUN}@example.org`;
    const checkout = guestCheckout({ email, address: { ...guestCheckout().address, fullName: 'Ada Lovelace-Sealed' } });
    const placed = await placeOrder(checkout, checkoutContext(cartId, { user: null }));
    if (!placed.ok) throw new Error('not placed');
    const key = orderAccessKey(placed.orderId, placed.number);
    expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });

    const confirmation = first(await mail.sentTo(email));
    // The key in the mail is made when it is sent (its expiry counts from then): a working key of this order.
    const sentKey = /\?key=([\w.-]+)/.exec(confirmation.text)?.[1];
    expect(
      sentKey &&
        checkOrderAccessKey(sentKey, {
          id: placed.orderId,
          number: placed.number,
          accessTokenHash: '',
          createdAt: new Date(),
        }),
    ).toBe('valid');
    expect(confirmation.text).toContain('Ada Lovelace-Sealed');
    const stored = await rawOutboxText();
    for (const secretOrPersonal of [key, sentKey!, email, 'Ada Lovelace-Sealed', `Order ${placed.number}`]) {
      expect(stored).not.toContain(secretOrPersonal);
    }

    await signInAs(adminId);
    const row = first(await outboxMails({ to: email }));
    const shown = (await getOutboxMessage(row.id))!;
    expect(shown.to).toBe(email);
    expect(shown.text).toContain(placed.number);
    expect(shown.text).toContain('Ada Lovelace-Sealed');
    expect(`${shown.text}${shown.html}`).not.toContain(sentKey!);
    expect(`${shown.text}${shown.html}`).not.toMatch(/[?&]key=/);
  });
});

describe('admin mail list', () => {
  it('shows recipients and subjects, and finds a recipient by the whole address in any case', async () => {
    const user = await newUser();
    await signInAs(adminId);
    const found = await listOutbox({ to: `  ${user.email.toUpperCase()} ` });
    expect(found.items).toEqual([
      expect.objectContaining({ to: user.email, subject: 'Welcome to Encore', template: 'welcome' }),
    ]);
    expect(found.total).toBe(1);
    expect((await listOutbox({ to: user.email.slice(0, 12) })).total).toBe(0);
    expect((await listOutbox()).items.length).toBeGreaterThan(1);
  });
});

describe('mail and accounts', () => {
  it('tags every mail of a signed-in order with its account, the return request included', async () => {
    const user = await newUser();
    await signInAs(user.id);
    const { editionId } = await createTestEdition({ stock: 3 });
    const cartId = await createCart([{ editionId, quantity: 1 }], user.id);
    const placed = await placeOrder(
      guestCheckout({ email: user.email }),
      checkoutContext(cartId, { user: await getCurrentUser() }),
    );
    if (!placed.ok) throw new Error('not placed');
    expect(await payDemoOrder(placed.number, null)).toEqual({ ok: true });
    await signInAs(adminId);
    const form = (fields: Record<string, string | number>) => {
      const data = new FormData();
      for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
      return data;
    };
    expect(
      await shipOrderAction(null, form({ orderId: placed.orderId, carrier: 'dhl', trackingNumber: 'JD014600003' })),
    ).toEqual({ ok: true });
    expect(await markOrderDeliveredAction(null, form({ orderId: placed.orderId }))).toEqual({ ok: true });
    await signInAs(user.id);
    const view = (await getOrderForViewer(placed.number, null))!;
    expect(
      await requestReturn(placed.number, null, {
        requestKey: crypto.randomUUID(),
        reason: 'Changed my mind',
        lines: [{ orderLineId: first(view.lines).id, quantity: 1 }],
      }),
    ).toEqual({ ok: true });

    const mails = await outboxMails({ to: user.email });
    expect(mails.map((m) => m.template).sort()).toEqual(
      ['orderConfirmation', 'orderDelivered', 'orderShipped', 'returnRequested', 'welcome'].sort(),
    );
    expect(mails.every((m) => m.userId === user.id)).toBe(true);
  });

  it('deletes the account’s mail with it, mail of orders it placed as a guest included', async () => {
    const user = await newUser();
    const other = await newUser();
    const { editionId } = await createTestEdition({ stock: 3 });
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    // Signed out, with the account's address typed in another case.
    const placed = await placeOrder(
      guestCheckout({ email: user.email.toLowerCase() }),
      checkoutContext(cartId, { user: null }),
    );
    if (!placed.ok) throw new Error('not placed');
    const key = orderAccessKey(placed.orderId, placed.number);
    expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
    expect(await cancelOrderAsCustomer(placed.number, key)).toEqual({ ok: true });
    expect((await outboxMails({ to: user.email })).map((m) => m.template).sort()).toEqual([
      'orderCancelled',
      'orderConfirmation',
      'welcome',
    ]);

    expect(await deleteAccount(user.id, { confirmation: PASSWORD })).toEqual({ ok: true });
    expect(await outboxMails({ to: user.email })).toEqual([]);
    expect(await outboxMails({ userId: user.id })).toEqual([]);
    expect(await outboxMails({ to: other.email })).toHaveLength(1);
  });
});
