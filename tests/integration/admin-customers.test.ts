import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { getSessionUser } from '@/lib/accounts/queries';
import { changeCustomerRoleAction, disableCustomerAction, enableCustomerAction } from '@/lib/actions/admin/customers';
import { changeCustomerRole } from '@/lib/accounts/staff-access';
import { getCustomer, listCustomers } from '@/lib/admin/customers/queries';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { authorizeCredentials } from '@/lib/api/auth-options';
import { AuthError, getCurrentUser, readSessionClaims, type SessionUser } from '@/lib/auth/session';
import { formData } from '../support/forms';
import { requestContext, sessionTokenFor, signInAs } from '../support/request-context';
import { rowOf } from '../support/rows';
import { itOnPostgres } from '../support/concurrency';
import { createTestUser, TEST_PASSWORD } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const RUN = Date.now().toString(36);
const newUser = (role: 'customer' | 'admin' = 'customer', prefix = 'cust') => createTestUser({ role, prefix });

const form = formData;

const userRow = (id: number) =>
  rowOf<{ role: string; disabledAt: unknown; sessionVersion: number }>(
    sql`select role, disabled_at as "disabledAt", session_version as "sessionVersion" from users where id = ${id}`,
  );

async function auditFor(userId: number) {
  const db = await getDb();
  return queryRows<{
    actorUserId: number;
    action: string;
    entity: string;
    entityId: string;
    before: unknown;
    after: unknown;
  }>(
    db,
    sql`select actor_user_id as "actorUserId", action, entity, entity_id as "entityId", before, after
        from audit_log where entity = 'user' and entity_id = ${String(userId)} order by id`,
  );
}

let orderSeq = 0;
async function insertOrder(userId: number, status: string, totalMinor: number, refundedMinor = 0, currency = 'USD') {
  orderSeq += 1;
  const db = await getDb();
  const row = await queryRow<{ number: string }>(
    db,
    sql`insert into orders (number, user_id, email, status, currency, subtotal_minor, shipping_minor, tax_minor, total_minor,
          refunded_minor, tax_inclusive, checkout_key, access_token_hash, payment_provider, expires_at, paid_at)
        values ('EN-' || nextval('order_number_seq'), ${userId}, 'c@example.com', ${status}, ${currency}, ${totalMinor}, 0, 0,
          ${totalMinor}, ${refundedMinor}, true, ${`cust-${RUN}-${orderSeq}`}, '', 'demo', now(),
          ${status === 'pending_payment' || status === 'cancelled' ? sql`null` : sql`now()`})
        returning number`,
  );
  return row.number;
}

let admin: { id: number; username: string; email: string };

beforeAll(async () => {
  admin = await newUser('admin', 'boss');
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(admin.id);
});

describe('changing a role', () => {
  it('promotes and demotes with an audit row each, and the role applies on the next request', async () => {
    const target = await newUser();
    const { token } = await sessionTokenFor(target.id);

    expect(await changeCustomerRoleAction(null, form({ userId: target.id, role: 'admin' }))).toEqual({
      ok: true,
      message: 'roleChanged',
    });
    expect((await userRow(target.id)).role).toBe('admin');
    // The role comes from the database: the target's existing session is an admin's now.
    const claims = await readSessionClaims(token);
    expect((await getSessionUser(claims!))?.role).toBe('admin');

    expect(await changeCustomerRoleAction(null, form({ userId: target.id, role: 'customer' }))).toEqual({
      ok: true,
      message: 'roleChanged',
    });
    expect((await getSessionUser(claims!))?.role).toBe('customer');

    const audit = await auditFor(target.id);
    const roleChange = (from: string, to: string) => ({
      actorUserId: admin.id,
      action: 'user.change_role',
      entity: 'user',
      entityId: String(target.id),
      before: { role: from, disabled: false },
      after: { role: to, disabled: false },
    });
    expect(audit).toEqual([roleChange('customer', 'admin'), roleChange('admin', 'customer')]);
  });

  it('writes nothing when the role is already so', async () => {
    const target = await newUser();
    expect(await changeCustomerRoleAction(null, form({ userId: target.id, role: 'customer' }))).toEqual({
      ok: true,
      message: 'unchanged',
    });
    expect(await auditFor(target.id)).toEqual([]);
  });

  it('refuses to let an admin demote themself', async () => {
    expect(await changeCustomerRoleAction(null, form({ userId: admin.id, role: 'customer' }))).toEqual({
      ok: false,
      fieldErrors: { role: 'selfDemote' },
    });
    expect((await userRow(admin.id)).role).toBe('admin');
    expect(await auditFor(admin.id)).toEqual([]);
    expect((await getCurrentUser())?.role).toBe('admin');
  });

  it('answers bad input with field errors, never a crash', async () => {
    const target = await newUser();
    expect(await changeCustomerRoleAction(null, form({ userId: target.id, role: 'owner' }))).toEqual({
      ok: false,
      fieldErrors: { role: 'invalidRole' },
    });
    expect(await changeCustomerRoleAction(null, form({ userId: 'abc', role: 'admin' }))).toEqual({
      ok: false,
      fieldErrors: { userId: 'invalid' },
    });
    expect(await changeCustomerRoleAction(null, 'not a form' as unknown as FormData)).toMatchObject({ ok: false });
    expect(await changeCustomerRoleAction(null, form({ userId: 2_000_000_000, role: 'admin' }))).toEqual({
      ok: false,
      fieldErrors: { form: 'notFound' },
    });
    expect((await userRow(target.id)).role).toBe('customer');
  });

  itOnPostgres('never leaves the store without an admin when two admins demote each other at once', async () => {
    const a = await newUser('admin', 'pair');
    const b = await newUser('admin', 'pair');
    const asAdmin = (id: number, username: string): SessionUser & { role: 'admin' } => ({
      id,
      username,
      email: null,
      displayName: null,
      role: 'admin',
      preferredLocale: null,
      hasPassword: true,
    });
    const results = await Promise.all([
      changeCustomerRole(asAdmin(a.id, a.username), { userId: b.id, role: 'customer' }),
      changeCustomerRole(asAdmin(b.id, b.username), { userId: a.id, role: 'customer' }),
    ]);
    expect(results.filter((result) => result.ok && result.changed)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, fieldErrors: { form: 'notAllowed' } }]);
    const roles = [(await userRow(a.id)).role, (await userRow(b.id)).role].sort();
    expect(roles).toEqual(['admin', 'customer']);
  });
});

describe('disabling an account', () => {
  it('signs the account out everywhere at once, refuses sign-in, and records the change', async () => {
    const target = await newUser();
    const first = await sessionTokenFor(target.id);
    const second = await sessionTokenFor(target.id);
    const claims = await readSessionClaims(first.token);
    expect(await getSessionUser(claims!)).toMatchObject({ id: target.id });
    const versionBefore = (await userRow(target.id)).sessionVersion;

    expect(await disableCustomerAction(null, form({ userId: target.id }))).toEqual({ ok: true, message: 'disabled' });

    const row = await userRow(target.id);
    expect(row.disabledAt).not.toBeNull();
    expect(row.sessionVersion).toBe(versionBefore + 1);
    for (const { token } of [first, second]) {
      expect(await getSessionUser((await readSessionClaims(token))!)).toBeNull();
      requestContext.reset();
      requestContext.cookies.set(SESSION_COOKIE, token);
      expect(await getCurrentUser()).toBeNull();
    }
    const db = await getDb();
    const { open } = await queryRow<{ open: number }>(
      db,
      sql`select count(*)::int as open from sessions where user_id = ${target.id} and revoked_at is null`,
    );
    expect(open).toBe(0);
    expect(await authorizeCredentials({ login: target.email, password: TEST_PASSWORD }, {})).toBeNull();
    expect(await auditFor(target.id)).toEqual([
      expect.objectContaining({
        actorUserId: admin.id,
        action: 'user.disable',
        before: { role: 'customer', disabled: false },
        after: { role: 'customer', disabled: true },
      }),
    ]);

    // Enabling lets the account sign in again, but the old sessions stay ended.
    await signInAs(admin.id);
    expect(await disableCustomerAction(null, form({ userId: target.id }))).toEqual({ ok: true, message: 'unchanged' });
    expect(await enableCustomerAction(null, form({ userId: target.id }))).toEqual({ ok: true, message: 'enabled' });
    expect((await userRow(target.id)).disabledAt).toBeNull();
    expect(await getSessionUser((await readSessionClaims(first.token))!)).toBeNull();
    expect(await authorizeCredentials({ login: target.email, password: TEST_PASSWORD }, {})).toEqual({
      id: String(target.id),
    });
    const audit = await auditFor(target.id);
    expect(audit.map((entry) => entry.action)).toEqual(['user.disable', 'user.enable']);
    expect(audit[1]).toMatchObject({ before: { disabled: true }, after: { disabled: false } });
  });

  it('signs out a disabled admin too, whose next action is refused', async () => {
    const other = await newUser('admin', 'second');
    const { token } = await sessionTokenFor(other.id);
    expect(await disableCustomerAction(null, form({ userId: other.id }))).toEqual({ ok: true, message: 'disabled' });
    requestContext.reset();
    requestContext.cookies.set(SESSION_COOKIE, token);
    expect(await getCurrentUser()).toBeNull();
    expect(await disableCustomerAction(null, form({ userId: admin.id }))).toEqual({
      ok: false,
      error: 'unauthenticated',
    });
    expect((await userRow(admin.id)).disabledAt).toBeNull();
  });

  it('refuses to let an admin disable themself', async () => {
    expect(await disableCustomerAction(null, form({ userId: admin.id }))).toEqual({
      ok: false,
      fieldErrors: { form: 'selfDisable' },
    });
    expect((await userRow(admin.id)).disabledAt).toBeNull();
    expect(await getCurrentUser()).toMatchObject({ id: admin.id });
  });

  it('refuses changes to a deleted account', async () => {
    const target = await newUser();
    const db = await getDb();
    await db.execute(sql`update users set deleted_at = now() where id = ${target.id}`);
    expect(await disableCustomerAction(null, form({ userId: target.id }))).toEqual({
      ok: false,
      fieldErrors: { form: 'deleted' },
    });
    expect(await changeCustomerRoleAction(null, form({ userId: target.id, role: 'admin' }))).toEqual({
      ok: false,
      fieldErrors: { form: 'deleted' },
    });
  });
});

describe('customer list and detail', () => {
  it('searches, filters and pages, with lifetime value net of refunds', async () => {
    const buyer = await newUser('customer', 'buyer');
    await insertOrder(buyer.id, 'paid', 2000);
    await insertOrder(buyer.id, 'shipped', 3000, 500);
    await insertOrder(buyer.id, 'delivered', 1000, 1000 - 1);
    await insertOrder(buyer.id, 'refunded', 4000, 4000);
    await insertOrder(buyer.id, 'cancelled', 9999);
    await insertOrder(buyer.id, 'pending_payment', 1500);
    await insertOrder(buyer.id, 'needs_review', 700);
    await insertOrder(buyer.id, 'delivered', 5000, 0, 'EUR');
    const db = await getDb();
    await db.execute(sql`insert into addresses (user_id, full_name, line1, city, postal_code, country)
      values (${buyer.id}, 'B', '1 Road', 'Town', '12345', 'GB'), (${buyer.id}, 'B', '2 Road', 'Town', '12345', 'GB')`);
    await db.execute(
      sql`insert into reviews (product_id, user_id, rating) select id, ${buyer.id}, 5 from products order by id limit 3`,
    );

    const filters = (params: Record<string, string>) => customerFiltersSchema.parse(params);
    const found = await listCustomers(filters({ q: buyer.email.toUpperCase().slice(0, 12) }));
    const item = found.items.find((row) => row.id === buyer.id);
    // 2000 + (3000 − 500) + (1000 − 999): paid, shipped and delivered in the store currency.
    expect(item).toMatchObject({ username: buyer.username, role: 'customer', status: 'active', orders: 8 });
    expect(item?.lifetimeValueMinor).toBe(4501);

    expect((await listCustomers(filters({ q: buyer.username, role: 'admin' }))).total).toBe(0);
    expect((await listCustomers(filters({ q: buyer.username, status: 'disabled' }))).total).toBe(0);
    expect((await listCustomers(filters({ q: buyer.username, status: 'active' }))).total).toBe(1);
    // Wildcards typed by an admin are literal.
    expect((await listCustomers(filters({ q: '%' }))).total).toBe(0);
    const admins = await listCustomers(filters({ role: 'admin' }));
    expect(admins.items.every((row) => row.role === 'admin')).toBe(true);
    expect(admins.items.map((row) => row.id)).toContain(admin.id);
    const beyond = await listCustomers(filters({ page: '999' }));
    expect(beyond.page).toBe(beyond.pageCount);

    const detail = await getCustomer(buyer.id);
    expect(detail).toMatchObject({
      id: buyer.id,
      email: buyer.email,
      lifetimeValueMinor: 4501,
      paidOrders: 3,
      orderCount: 8,
      addresses: 2,
      reviews: 3,
      hasPassword: true,
      status: 'active',
    });
    expect(detail?.orders).toHaveLength(8);
    expect(detail && 'passwordHash' in detail).toBe(false);
    expect(await getCustomer(2_000_000_000)).toBeNull();
  });

  it('is for admins only', async () => {
    const customer = await newUser();
    requestContext.reset();
    await expect(listCustomers(customerFiltersSchema.parse({}))).rejects.toThrow(AuthError);
    await signInAs(customer.id);
    await expect(getCustomer(customer.id)).rejects.toMatchObject({ reason: 'forbidden' });
  });
});
