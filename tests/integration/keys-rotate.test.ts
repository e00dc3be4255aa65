import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { createAddress, listAddresses } from '@/lib/accounts/address-book';
import { registerUser } from '@/lib/accounts/mutations';
import { listCustomers } from '@/lib/admin/customers/queries';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { addOrderNoteAction } from '@/lib/actions/admin/orders';
import { getOrderForAdmin } from '@/lib/admin/orders/detail-queries';
import { listOrdersForAdmin } from '@/lib/admin/orders/queries';
import { readOrderFilters } from '@/lib/admin/orders/validation';
import { placeOrder } from '@/lib/checkout/place-order';
import { ENCRYPTED_TABLES } from '@/lib/security/encrypted-columns';
import { setKeyRingForTests } from '@/lib/security/encryption';
import { countStaleRows, rotateEncryptionKeys, type RotationProgress } from '@/lib/security/rotate-keys';
import { createCart, createTestEdition, guestCheckout, checkoutContext } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const k1 = key('k1');
const k2 = key('k2');
const k3 = key('k3');
const RUN = Date.now().toString(36);
let adminId: number;
let orderNumber: string;
let userId: number;
let legacyUserId: number;

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
};

async function register(displayName: string) {
  const username = `rot${Math.random().toString(36).slice(2, 8)}${RUN}`;
  const result = await registerUser(
    { username, email: `${username}@example.com`, password: 'a long enough passphrase', displayName },
    'en',
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.userId;
}

/** Per registry column: how many values there are, and how many are not under `keyId`. */
async function census(keyId: string) {
  const db = await getDb();
  const out: { column: string; values: number; other: number }[] = [];
  for (const spec of ENCRYPTED_TABLES) {
    const where = spec.where ? sql.raw(spec.where) : sql`true`;
    const values = [
      ...spec.columns.map((c) => sql.identifier(c)),
      ...(spec.jsonFields ?? []).map(({ column, field }) => sql`(${sql.identifier(column)} ->> ${field})`),
    ];
    for (const value of values) {
      const row = await queryRow<{ values: number; other: number }>(
        db,
        sql`select count(${value})::int as values,
            count(*) filter (where ${value} is not null and left(${value}, ${`enc1:${keyId}:`.length}) <> ${`enc1:${keyId}:`})::int as other
          from ${sql.identifier(spec.table)} where ${where}`,
      );
      out.push({ column: `${spec.table}.${JSON.stringify(value)}`, values: row.values, other: row.other });
    }
    if (spec.blindIndex) {
      const row = await queryRow<{ values: number; other: number }>(
        db,
        sql`select count(*)::int as values, count(*) filter (where left(e, ${keyId.length + 1}) <> ${`${keyId}:`})::int as other
          from ${sql.identifier(spec.table)}, unnest(${sql.identifier(spec.blindIndex.column)}) as e`,
      );
      out.push({ column: `${spec.table}.${spec.blindIndex.column}`, values: row.values, other: row.other });
    }
  }
  return out;
}

beforeAll(async () => {
  // Everything this file's database encrypts is under keys of this file.
  setKeyRingForTests(k1);
  const username = `rotadmin${RUN}`;
  const admin = await registerUser(
    { username, email: `${username}@example.com`, password: 'a long enough passphrase' },
    'en',
  );
  if (!admin.ok) throw new Error('admin');
  adminId = admin.userId;
  await (await getDb()).execute(sql`update users set role = 'admin' where id = ${adminId}`);
});

afterAll(() => setKeyRingForTests(undefined));

describe('npm run keys:rotate', () => {
  it('rewrites every value under the new key, encrypts legacy plain text, and then the old key can be dropped', async () => {
    const db = await getDb();
    // Written under k1 through the real paths.
    userId = await register(`Cressida Wainwright ${RUN}`);
    const address = await createAddress(userId, {
      fullName: `Cressida Wainwright ${RUN}`,
      line1: '9 Lantern Row',
      city: 'Bath',
      postalCode: 'BA1 1AA',
      country: 'GB',
      phone: '01225 555 019',
    });
    expect(address.ok).toBe(true);
    const { editionId } = await createTestEdition({ stock: 3 });
    const placed = await placeOrder(
      guestCheckout({
        address: { ...guestCheckout().address, fullName: `Tobias Pennyworth ${RUN}`, phone: '0117 555 0123' },
      }),
      checkoutContext(await createCart([{ editionId, quantity: 1 }]), { user: null }),
    );
    if (!placed.ok) throw new Error(placed.error);
    orderNumber = placed.number;
    requestContext.reset();
    await signInAs(adminId);
    expect(
      await addOrderNoteAction(null, form({ orderId: placed.orderId, note: `Rang Mr Pennyworth ${RUN}` })),
    ).toEqual({
      ok: true,
    });
    // Rows from before encryption existed: plain text, no blind index.
    const legacy = await queryRow<{ id: number }>(
      db,
      sql`insert into users (username, username_key, email, email_key, display_name)
        values (${`legacy${RUN}`}, ${`legacy${RUN}`}, ${`legacy${RUN}@example.com`}, ${`legacy${RUN}@example.com`},
          ${`Hortensia Legacy ${RUN}`}) returning id`,
    );
    legacyUserId = legacy.id;
    await db.execute(sql`insert into addresses (user_id, full_name, line1, city, postal_code, country, phone, is_default)
      values (${legacyUserId}, ${`Hortensia Legacy ${RUN}`}, '1 Old Road', 'York', 'YO1 7HH', 'GB', '01904 555 777', true)`);
    await db.execute(sql`update orders set ship_line2 = 'Back door' where id = ${placed.orderId}`);
    // A sign-up waiting for its link, written before its name was encrypted.
    await db.execute(sql`insert into registrations (mailed, username, username_key, email, email_key, display_name,
        password_hash, locale, expires_at)
      values ('link', ${`pending${RUN}`}, ${`pending${RUN}`}, ${`pending${RUN}@example.com`}, ${`pending${RUN}@example.com`},
        ${`Perpetua Pending ${RUN}`}, 'not-a-real-hash', 'en', now() + interval '1 day')`);
    await db.execute(sql`insert into order_events (order_id, type, actor, internal, data)
      values (${placed.orderId}, 'note', 'admin', true, ${JSON.stringify({ text: 'Plain legacy note' })}::jsonb)`);
    expect((await census('k1')).some((c) => c.other > 0)).toBe(true);

    // The new key goes first; k1 stays to read what is not rotated yet.
    setKeyRingForTests(`${k2},${k1}`);
    expect((await countStaleRows(db)).every((t) => t.rows > 0)).toBe(true);
    const progress: RotationProgress[] = [];
    const summary = await rotateEncryptionKeys(db, { batchSize: 2, onProgress: (p) => progress.push(p) });
    expect(summary.keyId).toBe('k2');
    expect(summary.tables.every((t) => t.rewritten > 0 && t.remaining === 0)).toBe(true);
    // Progress per batch, ending at the total of each table.
    for (const t of summary.tables) {
      const last = progress.filter((p) => p.table === t.table).at(-1);
      expect(last).toEqual({ table: t.table, rewritten: t.rewritten, total: t.rewritten });
    }
    const after = await census('k2');
    expect(after.filter((c) => c.other > 0)).toEqual([]);
    expect(after.reduce((sum, c) => sum + c.values, 0)).toBeGreaterThan(20);

    // Idempotent: nothing is left to do.
    expect((await rotateEncryptionKeys(db)).tables.every((t) => t.rewritten === 0)).toBe(true);

    // k1 is dropped: everything still reads, legacy rows included, and search finds them.
    setKeyRingForTests(k2);
    expect((await listAddresses(userId))[0]).toMatchObject({ line1: '9 Lantern Row', phone: '01225 555 019' });
    expect((await listAddresses(legacyUserId))[0]).toMatchObject({ line1: '1 Old Road', phone: '01904 555 777' });
    const order = await getOrderForAdmin(orderNumber);
    expect(order?.address).toMatchObject({
      name: `Tobias Pennyworth ${RUN}`,
      line2: 'Back door',
      phone: '0117 555 0123',
    });
    expect(order?.events.filter((e) => e.type === 'note').map((e) => e.data.text)).toEqual([
      `Rang Mr Pennyworth ${RUN}`,
      'Plain legacy note',
    ]);
    const customers = async (q: string) =>
      (await listCustomers(customerFiltersSchema.parse({ q }))).items.map((c) => c.id);
    expect(await customers(`hortensia legacy ${RUN}`)).toEqual([legacyUserId]);
    expect(await customers('01904 555 777')).toEqual([legacyUserId]);
    expect(await customers(`Cressida ${RUN}`)).toEqual([userId]);
    expect((await listOrdersForAdmin(readOrderFilters({ q: `pennyworth ${RUN}` }))).items.map((o) => o.number)).toEqual(
      [orderNumber],
    );
  });

  it('stops on a value under a key that is gone, and resumes where it stopped', async () => {
    const db = await getDb();
    // A key list without k2 cannot read what is under k2: the run names the row and stops.
    setKeyRingForTests(k3);
    await expect(rotateEncryptionKeys(db)).rejects.toThrow(/users id=\d+: encrypted value under unknown key "k2"/);

    // Rotating to k3 is interrupted after its first batch (a crash, a deploy): what was done stays done.
    setKeyRingForTests(`${k3},${k2}`);
    const before = await countStaleRows(db);
    const total = before.reduce((sum, t) => sum + t.rows, 0);
    let batches = 0;
    await expect(
      rotateEncryptionKeys(db, {
        batchSize: 1,
        onProgress: ({ rewritten }) => {
          if (rewritten > 0 && ++batches === 2) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const left = (await countStaleRows(db)).reduce((sum, t) => sum + t.rows, 0);
    expect(left).toBe(total - 2);
    const resumed = await rotateEncryptionKeys(db, { batchSize: 3 });
    expect(resumed.tables.reduce((sum, t) => sum + t.rewritten, 0)).toBe(left);
    expect((await census('k3')).filter((c) => c.other > 0)).toEqual([]);
    setKeyRingForTests(k3);
    expect((await getOrderForAdmin(orderNumber))?.address?.phone).toBe('0117 555 0123');
  });
});
