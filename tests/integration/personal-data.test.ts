import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { updateProfile } from '@/lib/accounts/account';
import { createAddress, listAddresses, updateAddress } from '@/lib/accounts/address-book';
import { createSession, resolveOAuthUser } from '@/lib/accounts/mutations';
import { getSessionUser } from '@/lib/accounts/queries';
import { listCustomers } from '@/lib/admin/customers/queries';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { addOrderNoteAction } from '@/lib/actions/admin/orders';
import { getOrderForAdmin } from '@/lib/admin/orders/detail-queries';
import { listOrdersForAdmin } from '@/lib/admin/orders/queries';
import { readOrderFilters } from '@/lib/admin/orders/validation';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { getOrderForViewer } from '@/lib/orders/queries';
import { createCart, createTestEdition, guestCheckout, checkoutContext } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { outboxMails } from '../support/outbox';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ENCRYPTED = /^enc1:[\w-]+:[\w-]+$/;
let adminId: number;

const newUser = (displayName: string | undefined, role: 'customer' | 'admin' = 'customer') =>
  createTestUser({ role, prefix: 'pii', displayName });

async function row<T>(query: ReturnType<typeof sql>): Promise<T> {
  const found = await queryRow<T>(await getDb(), query);
  return found;
}

/** The shopper's (emptied) cart with one unit of the edition in it again. */
async function refill(userId: number, editionId: number): Promise<string> {
  const cart = await row<{ id: string }>(sql`select id from carts where user_id = ${userId}`);
  await (
    await getDb()
  ).execute(sql`insert into cart_lines (cart_id, edition_id, quantity, price_seen_minor)
    select ${cart.id}, id, 1, price_minor from editions where id = ${editionId}`);
  return cart.id;
}

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
};

beforeAll(async () => {
  adminId = (await newUser('Desk Admin', 'admin')).id;
});

beforeEach(() => requestContext.reset());

describe('encryption at rest through the real write and read paths', () => {
  it('stores display names encrypted and indexed, and every reader sees them decrypted', async () => {
    const user = await newUser(`Ottoline Marchbank ${RUN}`);
    const stored = await row<{ displayName: string; blindIndex: string[] | string }>(
      sql`select display_name as "displayName", blind_index as "blindIndex" from users where id = ${user.id}`,
    );
    expect(stored.displayName).toMatch(ENCRYPTED);
    expect(stored.blindIndex).toBeTruthy();
    const session = await createSession(user.id);
    const signedIn = await getSessionUser({ userId: user.id, sessionId: session.id, sessionVersion: 1 });
    expect(signedIn?.displayName).toBe(`Ottoline Marchbank ${RUN}`);

    expect(await updateProfile(user.id, { displayName: 'Ottoline Renamed', preferredLocale: 'en' })).toMatchObject({
      ok: true,
    });
    const renamed = await row<{ displayName: string }>(
      sql`select display_name as "displayName" from users where id = ${user.id}`,
    );
    expect(renamed.displayName).toMatch(ENCRYPTED);
    expect((await getSessionUser({ userId: user.id, sessionId: session.id, sessionVersion: 1 }))?.displayName).toBe(
      'Ottoline Renamed',
    );

    // An account made by OAuth gets its provider name encrypted too.
    const oauth = await resolveOAuthUser({
      provider: 'github',
      providerAccountId: `gh-${RUN}`,
      email: `oauth.${RUN}@example.com`,
      name: 'Perpetua Gallowglass',
    });
    if (!oauth.ok) throw new Error(oauth.error);
    const oauthRow = await row<{ displayName: string }>(
      sql`select display_name as "displayName" from users where id = ${oauth.userId}`,
    );
    expect(oauthRow.displayName).toMatch(ENCRYPTED);
  });

  it('stores the address book encrypted (all but the country) and lists it decrypted', async () => {
    const user = await newUser(undefined);
    const address = {
      fullName: '欧阳娜娜',
      line1: '上海市浦东新区世纪大道 88 号',
      line2: '12 楼',
      city: '上海',
      region: '上海市',
      postalCode: '200120',
      country: 'CN',
      phone: '+86 21 5555 0188',
    };
    const created = await createAddress(user.id, address);
    if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
    expect(created.address).toMatchObject(address);
    const stored = await row<Record<string, string>>(
      sql`select full_name, line1, line2, city, region, postal_code, phone, country from addresses where id = ${created.address.id}`,
    );
    const { country, ...encrypted } = stored;
    expect(country).toBe('CN');
    for (const value of Object.values(encrypted)) expect(value).toMatch(ENCRYPTED);
    expect(await listAddresses(user.id)).toEqual([expect.objectContaining(address)]);

    const updated = await updateAddress(user.id, created.address.id, { ...address, line1: '北京市朝阳区建国路 1 号' });
    expect(updated).toMatchObject({ ok: true, address: { line1: '北京市朝阳区建国路 1 号' } });
    const line1 = await row<{ line1: string }>(sql`select line1 from addresses where id = ${created.address.id}`);
    expect(line1.line1).toMatch(ENCRYPTED);
  });

  it('freezes the order address encrypted (saved, new or guest) and shows it decrypted to the shopper, staff and mails', async () => {
    const user = await newUser(`Barnaby Threadgold ${RUN}`);
    const { editionId } = await createTestEdition({ stock: 5 });
    const address = {
      fullName: `Barnaby Threadgold ${RUN}`,
      line1: '7 Quayside Mews',
      city: 'Whitby',
      postalCode: 'YO21 3PU',
      country: 'GB',
      phone: '+44 1947 555 012',
    };
    // Signed in, a new address, saved to the book at the same time.
    await signInAs(user.id);
    const session = await getSessionUser(
      await (async () => {
        const s = await createSession(user.id);
        return { userId: user.id, sessionId: s.id, sessionVersion: s.sessionVersion };
      })(),
    );
    const placed = await placeOrder(
      { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', address, saveAddress: true },
      checkoutContext(await createCart([{ editionId, quantity: 1 }], user.id), { user: session }),
    );
    if (!placed.ok) throw new Error(placed.error);
    const stored = await row<Record<string, string | null>>(
      sql`select ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal_code, ship_phone, ship_country
        from orders where id = ${placed.orderId}`,
    );
    expect(stored).toMatchObject({
      ship_name: expect.stringMatching(ENCRYPTED),
      ship_line1: expect.stringMatching(ENCRYPTED),
      ship_city: expect.stringMatching(ENCRYPTED),
      ship_postal_code: expect.stringMatching(ENCRYPTED),
      ship_phone: expect.stringMatching(ENCRYPTED),
      ship_line2: null,
      ship_region: null,
      ship_country: 'GB',
    });
    const [saved] = await listAddresses(user.id);
    expect(saved).toMatchObject({ fullName: address.fullName, phone: address.phone });
    const savedRow = await row<{ line1: string }>(sql`select line1 from addresses where id = ${saved!.id}`);
    expect(savedRow.line1).toMatch(ENCRYPTED);

    const shopperView = await getOrderForViewer(placed.number, null);
    expect(shopperView?.address).toMatchObject({ name: address.fullName, line1: '7 Quayside Mews', city: 'Whitby' });

    // The saved address used for the next order is decrypted, then frozen encrypted again.
    const again = await placeOrder(
      { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', addressId: String(saved!.id) },
      checkoutContext(await refill(user.id, editionId), { user: session }),
    );
    if (!again.ok) throw new Error(again.error);
    const key = new URL(again.redirectUrl, 'http://x').searchParams.get('key');
    expect(await payDemoOrder(again.number, key)).toEqual({ ok: true });
    const againRow = await row<{ shipLine1: string }>(
      sql`select ship_line1 as "shipLine1" from orders where id = ${again.orderId}`,
    );
    expect(againRow.shipLine1).toMatch(ENCRYPTED);

    await signInAs(adminId);
    const staffView = await getOrderForAdmin(again.number);
    expect(staffView?.address).toMatchObject({
      name: address.fullName,
      line1: '7 Quayside Mews',
      phone: address.phone,
    });
    expect(staffView?.customer.displayName).toBe(`Barnaby Threadgold ${RUN}`);
    // The confirmation mail greets the shopper by name, decrypted.
    const [mail] = await outboxMails({ dedupeKey: `order-paid:${again.orderId}` });
    expect(mail?.text).toContain(`Barnaby Threadgold ${RUN}`);
    expect(mail?.text).not.toContain('enc1:');

    // A guest order with a phone number.
    const guest = await placeOrder(
      guestCheckout({ address: { ...guestCheckout().address, phone: '0161 555 0199' } }),
      checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: null }),
    );
    if (!guest.ok) throw new Error(guest.error);
    const guestRow = await row<{ shipPhone: string; shipName: string }>(
      sql`select ship_phone as "shipPhone", ship_name as "shipName" from orders where id = ${guest.orderId}`,
    );
    expect(guestRow.shipPhone).toMatch(ENCRYPTED);
    expect(guestRow.shipName).toMatch(ENCRYPTED);
    expect((await getOrderForAdmin(guest.number))?.address?.phone).toBe('0161 555 0199');
  });

  it('keeps staff notes encrypted on the timeline and out of the audit log', async () => {
    const { editionId } = await createTestEdition({ stock: 2 });
    const placed = await placeOrder(
      guestCheckout(),
      checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: null }),
    );
    if (!placed.ok) throw new Error(placed.error);
    await signInAs(adminId);
    const note = `Called Mrs Wigglesworth ${RUN}, the neighbour at number 9 takes the parcel`;
    expect(await addOrderNoteAction(null, form({ orderId: placed.orderId, note }))).toEqual({ ok: true });
    const stored = await row<{ text: string }>(
      sql`select data->>'text' as text from order_events where order_id = ${placed.orderId} and type = 'note'`,
    );
    expect(stored.text).toMatch(ENCRYPTED);
    const audit = await row<{ after: string }>(
      sql`select after::text as after from audit_log where action = 'order.note' and entity_id = ${String(placed.orderId)}`,
    );
    expect(audit.after).not.toContain('Wigglesworth');
    const view = await getOrderForAdmin(placed.number);
    expect(view?.events).toContainEqual(
      expect.objectContaining({ type: 'note', data: { text: note }, actorName: 'Desk Admin' }),
    );
  });
});

describe('back office search by name and phone (blind indexes)', () => {
  it('finds orders and customers by whole words of a name or by a phone number, not by fragments', async () => {
    const surname = `Fenwickhollow${RUN}`;
    const user = await newUser(`Isadora ${surname}`);
    const created = await createAddress(user.id, {
      fullName: `Izzy ${surname}`,
      line1: '3 Mill Lane',
      city: 'Leeds',
      postalCode: 'LS1 1AA',
      country: 'GB',
      phone: '+44 113 496 0555',
    });
    expect(created.ok).toBe(true);
    const { editionId } = await createTestEdition({ stock: 3 });
    const guest = await placeOrder(
      guestCheckout({
        email: `guest.${RUN}@example.com`,
        address: { ...guestCheckout().address, fullName: `Ambrose ${surname}`, phone: '020 7946 0123' },
      }),
      checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: null }),
    );
    if (!guest.ok) throw new Error(guest.error);
    await signInAs(adminId);

    const orders = async (q: string) => (await listOrdersForAdmin(readOrderFilters({ q }))).items.map((o) => o.number);
    expect(await orders(surname.toUpperCase())).toEqual([guest.number]);
    expect(await orders(`ambrose ${surname}`)).toEqual([guest.number]);
    expect(await orders('+44 20 7946 0123')).toEqual([guest.number]);
    expect(await orders('020 7946 0123')).toEqual([guest.number]);
    expect(await orders(`isadora ${surname}`)).toEqual([]);
    expect(await orders(surname.slice(0, 8))).toEqual([]);
    const list = await listOrdersForAdmin(readOrderFilters({ q: surname }));
    expect(list.items[0]?.customerName).toBe(`Ambrose ${surname}`);

    const customers = async (q: string) =>
      (await listCustomers(customerFiltersSchema.parse({ q }))).items.map((c) => c.id);
    expect(await customers(`ISADORA ${surname}`)).toEqual([user.id]);
    expect(await customers(`izzy ${surname}`)).toEqual([user.id]);
    expect(await customers('0113 496 0555')).toEqual([user.id]);
    expect(await customers(surname.slice(0, 8))).toEqual([]);
    const found = await listCustomers(customerFiltersSchema.parse({ q: `isadora ${surname}` }));
    expect(found.items[0]?.displayName).toBe(`Isadora ${surname}`);
  });
});
