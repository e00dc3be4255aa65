// Run by scripts/hostile.ts in a child process, on the sweep's scratch database: creates the shopper
// the sweep signs in as (`registerUser`, as `npm run admin:create` does for admins: no mailed link to
// follow), and one unpaid order of theirs, so that the order pages have a real order number to fill
// in. Usage: tsx --conditions=react-server scripts/lib/hostile/seed-shopper.ts <email> <password>
import { sql } from 'drizzle-orm';
import { closeDb, getDb, queryRows } from '@/db';
import { createSession, registerUser } from '@/lib/accounts/mutations';
import { getSessionUser } from '@/lib/accounts/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { deliverMail } from '@/lib/jobs/mail';
import { checkoutContext, createCart, guestCheckout } from '@/tests/support/commerce';

async function main() {
  const [email, password] = process.argv.slice(2);
  if (!email || !password) throw new Error('Usage: seed-shopper.ts <email> <password>');
  const created = await registerUser({ username: email.split('@')[0], email, password }, 'en');
  if (!created.ok) throw new Error(`Could not create the shopper: ${JSON.stringify(created.fieldErrors)}`);
  const session = await createSession(created.userId);
  const user = await getSessionUser({
    userId: created.userId,
    sessionId: session.id,
    sessionVersion: session.sessionVersion,
  });
  const db = await getDb();
  const [edition] = await queryRows<{ id: number }>(
    db,
    sql`select e.id from editions e join products p on p.id = e.product_id
      where e.status = 'active' and p.status = 'active' and not e.digital and e.stock >= 2 order by e.id limit 1`,
  );
  if (!edition) throw new Error('No active physical edition with 2 or more in stock for the shopper to order');
  const cartId = await createCart([{ editionId: edition.id, quantity: 1 }], created.userId);
  const order = await placeOrder(guestCheckout(), checkoutContext(cartId, { user }));
  if (!order.ok) throw new Error(`Could not place the shopper's order: ${order.error}`);
  console.log(`Created the shopper ${email} with order ${order.number}.`);
  await deliverMail();
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
