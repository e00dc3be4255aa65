import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { createAddressAction, updateProfileAction } from '@/lib/actions/account';
import { registerAction } from '@/lib/actions/registration';
import { listAuditEntries } from '@/lib/admin/audit-log/queries';
import { auditFiltersSchema } from '@/lib/admin/audit-log/validation';
import { listAdminProducts, searchPeople } from '@/lib/admin/catalog/queries';
import { readAdminProductFilters } from '@/lib/admin/catalog/validation';
import { listCustomers } from '@/lib/admin/customers/queries';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { listOrdersForAdmin } from '@/lib/admin/orders/queries';
import { readOrderFilters } from '@/lib/admin/orders/validation';
import { listReviewsForModeration } from '@/lib/admin/reviews/queries';
import { reviewFiltersSchema } from '@/lib/admin/reviews/validation';
import { requireAdmin } from '@/lib/auth/session';
import { getPerson, getProduct } from '@/lib/catalog/detail-queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { checkoutFormToInput } from '@/lib/checkout/validation';
import { checkoutContext, countOrdersFor, createCart, createTestEdition, stockOf } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

// Issue 14.1: a NUL byte (or another control character) in any text input used to reach Postgres,
// which refuses it in a text column: a 500, and a log line with the statement's parameters. The shared
// text rule (lib/validation/text.ts) now answers with a field error, and nothing changes.

const NUL = '\u0000';
const RUN = Date.now().toString(36);

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

const newUser = async (role: 'customer' | 'admin' = 'customer') => (await createTestUser({ role, prefix: 'txt' })).id;

let adminId: number;
beforeAll(async () => {
  adminId = await newUser('admin');
});
beforeEach(() => requestContext.reset());

describe('control characters in text inputs', () => {
  it('registration: a field error for the display name, and no pending registration', async () => {
    const username = `nulreg_${RUN}`;
    const state = await registerAction(
      null,
      form({
        username,
        email: `${username}@example.com`,
        password: 'a long passphrase here',
        displayName: `Eve${NUL}`,
      }),
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { displayName: 'textInvalid' } });
    const db = await getDb();
    expect(await queryRows(db, sql`select 1 from registrations where email_key like ${`${username}%`}`)).toEqual([]);
  });

  it('checkout: a field error for any address field, and no order, no stock change', async () => {
    const { editionId } = await createTestEdition({ stock: 3 });
    const cartId = await createCart([{ editionId, quantity: 1 }]);
    const fields = {
      checkoutKey: crypto.randomUUID(),
      email: `nul.${RUN}@example.com`,
      shippingMethod: 'standard',
      fullName: 'Ada Buyer',
      line1: '1 Harbour Street',
      city: 'Portsmouth',
      postalCode: 'PO1 1AA',
      country: 'GB',
    };
    for (const field of ['fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'phone'] as const) {
      const input = checkoutFormToInput(form({ ...fields, [field]: `1${NUL}` }));
      const result = await placeOrder(input, checkoutContext(cartId));
      expect(result, field).toMatchObject({ ok: false, fieldErrors: { [field]: 'textInvalid' } });
    }
    expect(await countOrdersFor(editionId)).toBe(0);
    expect(await stockOf(editionId)).toEqual({ stock: 3, ledger: 3 });
  });

  it('account centre: profile and address book give field errors and keep what was there', async () => {
    const userId = await newUser();
    await signInAs(userId);
    expect(
      await updateProfileAction(null, form({ displayName: `Mallory${NUL}`, preferredLocale: 'en' })),
    ).toMatchObject({ ok: false, fieldErrors: { displayName: 'textInvalid' } });
    const address = { fullName: 'A B', line1: `x${NUL}`, city: 'C', postalCode: '1', country: 'GB' };
    expect(await createAddressAction(null, form(address))).toMatchObject({
      ok: false,
      fieldErrors: { line1: 'textInvalid' },
    });
    const db = await getDb();
    expect(await queryRows(db, sql`select display_name from users where id = ${userId}`)).toEqual([
      { display_name: null },
    ]);
    expect(await queryRows(db, sql`select 1 from addresses where user_id = ${userId}`)).toEqual([]);
  });

  it('admin searches and list filters with NUL show the unfiltered list instead of failing', async () => {
    await signInAs(adminId);
    const params = { q: `EN-1${NUL}`, product: NUL, entity: NUL, entityId: NUL, action: NUL };
    const admin = await requireAdmin();
    await expect(listAdminProducts(admin, readAdminProductFilters(params))).resolves.toBeTruthy();
    await expect(searchPeople(admin, `Marlow${NUL}`)).resolves.toEqual([]);
    await expect(listOrdersForAdmin(readOrderFilters(params))).resolves.toBeTruthy();
    await expect(listCustomers(customerFiltersSchema.parse(params))).resolves.toBeTruthy();
    await expect(listReviewsForModeration(reviewFiltersSchema.parse(params))).resolves.toBeTruthy();
    await expect(listAuditEntries(auditFiltersSchema.parse(params))).resolves.toBeTruthy();
  });

  it('product and person pages: a slug with a control character is simply not found', async () => {
    const { slug } = await createTestEdition();
    expect(await getProduct(slug)).not.toBeNull();
    expect(await getProduct(`${slug}${NUL}`)).toBeNull();
    expect(await getProduct(NUL)).toBeNull();
    expect(await getPerson(`marlow-vance${NUL}`)).toBeNull();
  });
});
