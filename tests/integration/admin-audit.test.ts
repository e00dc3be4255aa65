import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { listAuditEntries, listAuditFilterOptions } from '@/lib/admin/audit-log/queries';
import { AUDIT_PAGE_SIZE, parseAuditFilters } from '@/lib/admin/audit-log/validation';
import { changeCustomerRoleAction, disableCustomerAction } from '@/lib/actions/admin/customers';
import { requestContext, signInAs } from '../support/request-context';
import { first, take } from '@/tests/support/lists';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const RUN = Date.now().toString(36);
const newUser = (role: 'customer' | 'admin' = 'customer') => createTestUser({ role, prefix: 'aud' });

const form = (values: Record<string, string | number>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, String(value));
  return data;
};

const list = (params: Record<string, string>) => listAuditEntries(parseAuditFilters(params).filters);

let firstAdmin: { id: number; username: string };
let second: { id: number; username: string };
let target: { id: number; username: string };

beforeAll(async () => {
  firstAdmin = await newUser('admin');
  second = await newUser('admin');
  target = await newUser();
  requestContext.reset();
  await signInAs(firstAdmin.id);
  await changeCustomerRoleAction(null, form({ userId: target.id, role: 'admin' }));
  requestContext.reset();
  await signInAs(second.id);
  await changeCustomerRoleAction(null, form({ userId: target.id, role: 'customer' }));
  await disableCustomerAction(null, form({ userId: target.id }));
  // An entry from another area, dated in the past, with a nested record and no actor.
  const db = await getDb();
  await recordAudit(db, {
    actorUserId: null as unknown as number,
    action: 'product.update',
    entity: 'product',
    entityId: 'p-1',
    before: { title: 'Old', price: { minor: 1000 } },
    after: { title: 'New', price: { minor: 1000 }, label: 'ECM' },
  });
  await db.execute(
    sql`update audit_log set created_at = '2001-01-15T12:00:00Z' where entity = 'product' and entity_id = 'p-1'`,
  );
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(firstAdmin.id);
});

describe('audit log', () => {
  it('shows who changed what, when, with a readable diff and a link, newest first', async () => {
    const { items, total } = await list({ entity: 'user', entityId: String(target.id) });
    expect(total).toBe(3);
    expect(items.map((item) => item.action)).toEqual(['user.disable', 'user.change_role', 'user.change_role']);
    const [disable, demote, promote] = take(items, 3, 'audit entry');
    expect(promote).toMatchObject({
      actorUserId: firstAdmin.id,
      actorName: firstAdmin.username,
      entity: 'user',
      entityId: String(target.id),
      href: `/admin/customers/${target.id}`,
      created: false,
      deleted: false,
    });
    expect(promote.diff).toEqual({
      changes: [{ key: 'role', kind: 'changed', before: 'customer', after: 'admin' }],
      unchanged: 1,
    });
    expect(demote.actorUserId).toBe(second.id);
    expect(disable.diff.changes).toEqual([{ key: 'disabled', kind: 'changed', before: 'false', after: 'true' }]);
    expect(disable.createdAt.getTime()).toBeGreaterThanOrEqual(promote.createdAt.getTime());
  });

  it('filters by actor, action (exact or prefix) and UTC days', async () => {
    const byFirst = await list({ actor: String(firstAdmin.id) });
    expect(byFirst.items.map((item) => item.action)).toEqual(['user.change_role']);
    expect((await list({ actor: String(second.id), action: 'user.disable' })).total).toBe(1);
    const prefix = await list({ action: 'user.', entityId: String(target.id) });
    expect(prefix.total).toBe(3);
    expect((await list({ action: 'user', entityId: String(target.id) })).total).toBe(0);

    const old = await list({ from: '2001-01-15', to: '2001-01-15' });
    expect(old.items).toHaveLength(1);
    expect(old.items[0]).toMatchObject({ action: 'product.update', actorUserId: null, href: null });
    expect(first(old.items).diff).toEqual({
      changes: [
        { key: 'label', kind: 'added', before: null, after: 'ECM' },
        { key: 'title', kind: 'changed', before: 'Old', after: 'New' },
      ],
      unchanged: 1,
    });
    expect((await list({ from: '2001-01-16', to: '2001-01-20' })).total).toBe(0);
    expect((await list({ to: '2001-01-14' })).total).toBe(0);
  });

  it('pages through the log', async () => {
    const db = await getDb();
    for (let i = 0; i < AUDIT_PAGE_SIZE + 2; i++) {
      await recordAudit(db, { actorUserId: firstAdmin.id, action: 'test.page', entity: 'test', entityId: i });
    }
    const page1 = await list({ action: 'test.page' });
    const page2 = await list({ action: 'test.page', page: '2' });
    expect(page1.pageCount).toBe(2);
    expect(page1.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page2.items).toHaveLength(2);
    expect(new Set([...page1.items, ...page2.items].map((item) => item.id)).size).toBe(AUDIT_PAGE_SIZE + 2);
  });

  it('links order entries, recorded by id, to the order page by number', async () => {
    const db = await getDb();
    const order = await queryRow<{ id: number; number: string }>(
      db,
      sql`insert into orders (number, email, currency, subtotal_minor, shipping_minor, tax_minor, total_minor, tax_inclusive,
            checkout_key, access_token_hash, payment_provider, expires_at)
          values ('EN-' || nextval('order_number_seq'), 'a@example.com', 'USD', 100, 0, 0, 100, true, ${`audit-${RUN}`}, '',
            'demo', now())
          returning id, number`,
    );
    await recordAudit(db, { actorUserId: firstAdmin.id, action: 'order.note', entity: 'order', entityId: order.id });
    await recordAudit(db, {
      actorUserId: firstAdmin.id,
      action: 'order.note',
      entity: 'order',
      entityId: 'not-a-number',
    });
    const { items } = await list({ entity: 'order', action: 'order.note' });
    expect(items.map((item) => item.href)).toEqual([null, `/admin/orders/${order.number}`]);
  });

  it('offers the admins, entities and actions in the log as filters', async () => {
    const options = await listAuditFilterOptions();
    expect(options.actors.map((actor) => actor.id)).toEqual(expect.arrayContaining([firstAdmin.id, second.id]));
    expect(options.entities).toEqual(expect.arrayContaining(['product', 'user']));
    expect(options.actions).toEqual(expect.arrayContaining(['user.change_role', 'user.disable']));
  });

  it('is for admins only', async () => {
    requestContext.reset();
    await signInAs(target.id);
    await expect(list({})).rejects.toMatchObject({ reason: expect.stringMatching(/unauthenticated|forbidden/) });
  });
});
