import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { seedDemo } from '@/db/seed';
import { insertDemoUsers } from '@/db/seed/users';
import { DEMO_ADDRESS, DEMO_USERS } from '@/db/seed/users';
import { updateProfile } from '@/lib/accounts/account';
import { createAddress, listAddresses, updateAddress } from '@/lib/accounts/address-book';
import { createSession, registerUser, resolveOAuthUser } from '@/lib/accounts/mutations';
import { getSessionUser } from '@/lib/accounts/queries';
import { addOrderNoteAction } from '@/lib/actions/admin/orders';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { createCart, createTestEdition, checkoutContext } from '../support/commerce';
import { dumpTextColumns, findInDump } from '../support/database-dump';
import { requestContext, signInAs } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
};

describe('no personal data in plain text after a seeded run', () => {
  it('leaves no name, street or phone number readable anywhere in the database', { timeout: 240_000 }, async () => {
    const db = await getDb();
    // The seed, as `npm run demo` runs it (with the demo accounts and the demo shopper's address).
    await seedDemo(db, { force: true });
    await insertDemoUsers(db);

    // Then personal data written through every path that writes it.
    const person = {
      fullName: 'Zephyrine Quillfeather',
      line1: '77 Marzipan Crescent',
      line2: 'Apartment Thistledown',
      city: 'Quokkaville',
      region: 'Wrenshire',
      postalCode: 'QX9 4ZZ',
      country: 'GB',
      phone: '+44 7700 900123',
    };
    const chinese = {
      fullName: '欧阳娜娜',
      line1: '世纪大道八十八号',
      city: '浦东新区',
      region: '上海市',
      postalCode: '200120',
      country: 'CN',
      phone: '021-5555-0188',
    };
    const guest = {
      fullName: 'Bartholomew Inkwhistle',
      line1: '5 Gooseberry Wynd',
      city: 'Plumbridge',
      postalCode: 'PB7 7PB',
      country: 'GB',
      phone: '0161 496 0777',
    };
    const registered = await registerUser(
      {
        username: 'dumpcheck',
        email: 'dumpcheck@example.com',
        password: 'a long enough passphrase',
        displayName: 'Ignatius Pemberton',
      },
      'en',
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered.fieldErrors));
    const userId = registered.userId;
    expect(await updateProfile(userId, { displayName: person.fullName, preferredLocale: 'en' })).toMatchObject({
      ok: true,
    });
    const saved = await createAddress(userId, { ...chinese, line1: '临时地址一号' });
    if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
    expect((await updateAddress(userId, saved.address.id, chinese)).ok).toBe(true);
    const oauth = await resolveOAuthUser({
      provider: 'google',
      providerAccountId: 'dump-check',
      email: 'oauth.dump@example.com',
      name: 'Octavia Fernsby',
    });
    expect(oauth.ok).toBe(true);

    const session = await createSession(userId);
    const user = await getSessionUser({ userId, sessionId: session.id, sessionVersion: session.sessionVersion });
    const { editionId } = await createTestEdition({ stock: 5 });
    const signedIn = await placeOrder(
      { checkoutKey: crypto.randomUUID(), shippingMethod: 'standard', address: person, saveAddress: true },
      checkoutContext(await createCart([{ editionId, quantity: 1 }], userId), { user: user }),
    );
    if (!signedIn.ok) throw new Error(signedIn.error);
    requestContext.reset();
    await signInAs(userId);
    expect(await payDemoOrder(signedIn.number, null)).toEqual({ ok: true });
    const asGuest = await placeOrder(
      { checkoutKey: crypto.randomUUID(), email: 'bartholomew@example.com', shippingMethod: 'express', address: guest },
      checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: null }),
    );
    if (!asGuest.ok) throw new Error(asGuest.error);
    const [admin] = await queryRows<{ id: number }>(db, sql`select id from users where username = 'admin'`);
    requestContext.reset();
    await signInAs(admin!.id);
    expect(
      await addOrderNoteAction(
        null,
        form({ orderId: asGuest.orderId, note: 'Mrs Higgledy-Piggleworth will collect it' }),
      ),
    ).toEqual({ ok: true });
    // The data is there, readable through the app.
    expect(await listAddresses(userId)).toHaveLength(2);

    const needles = [
      ...DEMO_USERS.map((u) => u.displayName),
      DEMO_ADDRESS.line1,
      DEMO_ADDRESS.phone,
      DEMO_ADDRESS.phone.replace(/\D/g, ''),
      'Ignatius Pemberton',
      'Octavia Fernsby',
      'Higgledy-Piggleworth',
      ...[person, chinese, guest].flatMap(({ country: _country, ...fields }) => Object.values(fields)),
      ...[person, chinese, guest].map((p) => p.phone.replace(/\D/g, '')),
    ];
    const dump = await dumpTextColumns(db);
    expect(dump.size).toBeGreaterThan(100);
    const found = findInDump(dump, needles);
    expect(found).toEqual([]);
    // The mail the store sent to these people (with their names and addresses in it) was dumped too.
    expect(dump.get('mail_outbox.data')).toMatch(/^enc1:/);
  });
});
