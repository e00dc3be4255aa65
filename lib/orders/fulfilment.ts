import 'server-only';
import { and, count, eq, isNull, notExists, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { must } from '@/lib/must';
import { carrierName, type CarrierCode, trackingUrl } from './carriers';
import { lockOrder, orderMailData, recordOrderEvent } from './lifecycle';
import { orderLines, orders, shipments } from './schema';
import { auditStaffChange, staffActor } from './staff';

/**
 * Staff move a paid order to the shopper: shipped (with a shipment), then delivered. Each step is a
 * conditional UPDATE on the current status inside a transaction that also writes the order event,
 * the audit row and the customer's mail (with a dedupe key), so a double click, two admins at once
 * or a retry change the order once and nothing is half-saved.
 */

/**
 * paid → shipped, with a shipment (carrier, tracking number and the carrier's tracking URL). The
 * customer gets the "shipped" mail with the tracking link. Refused unless the order is paid, has
 * physical items and no shipment yet.
 */
export async function shipOrder(
  admin: StaffUser,
  input: { orderId: number; carrier: CarrierCode; carrierName?: string; trackingNumber: string },
): Promise<MutationResult> {
  assertAdmin(admin, 'shipOrder');
  const db = await getDb();
  const carrier = carrierName(input.carrier, input.carrierName);
  const url = trackingUrl(input.carrier, input.trackingNumber);
  const result = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: input.orderId });
    if (!order) return fail('orderNotFound');
    if (order.status !== 'paid') return fail('cannotShip');
    const [physical] = await tx
      .select({ n: count() })
      .from(orderLines)
      .where(and(eq(orderLines.orderId, order.id), eq(orderLines.digital, false)));
    if (!physical || physical.n === 0) return fail('nothingToShip');
    const [updated] = await tx
      .update(orders)
      .set({ status: 'shipped', updatedAt: sql`now()` })
      .where(
        and(
          eq(orders.id, order.id),
          eq(orders.status, 'paid'),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(shipments)
              .where(eq(shipments.orderId, order.id)),
          ),
        ),
      )
      .returning({ id: orders.id });
    if (!updated) return fail('cannotShip');
    const [shipment] = await tx
      .insert(shipments)
      .values({ orderId: order.id, carrier, trackingNumber: input.trackingNumber, trackingUrl: url })
      .returning({ id: shipments.id });
    const shipmentId = must(shipment, 'the inserted shipment').id;
    const details = { carrier, trackingNumber: input.trackingNumber, trackingUrl: url };
    await recordOrderEvent(tx, order.id, 'shipped', staffActor(admin), { ...details, shipmentId });
    await auditStaffChange(tx, admin, 'order.ship', order.id, {
      before: { status: order.status },
      after: { status: 'shipped', shipmentId, ...details },
    });
    if (order.email) {
      await enqueueMail(tx, {
        to: order.email,
        locale: toLocale(order.locale),
        template: 'orderShipped',
        data: { ...(await orderMailData(tx, order)), ...details },
        dedupeKey: `order-shipped:${order.id}`,
        userId: order.userId ?? undefined,
      });
    }
    return { ok: true as const };
  });
  sendMailSoon();
  return result;
}

/** shipped → delivered; the shipment gets its delivery time and the customer a mail. */
export async function markOrderDelivered(admin: StaffUser, orderId: number): Promise<MutationResult> {
  assertAdmin(admin, 'markOrderDelivered');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return fail('orderNotFound');
    const [updated] = await tx
      .update(orders)
      .set({ status: 'delivered', updatedAt: sql`now()` })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'shipped')))
      .returning({ id: orders.id });
    if (!updated) return fail('cannotDeliver');
    await tx
      .update(shipments)
      .set({ deliveredAt: sql`now()` })
      .where(and(eq(shipments.orderId, order.id), isNull(shipments.deliveredAt)));
    await recordOrderEvent(tx, order.id, 'delivered', staffActor(admin));
    await auditStaffChange(tx, admin, 'order.deliver', order.id, {
      before: { status: order.status },
      after: { status: 'delivered' },
    });
    if (order.email) {
      await enqueueMail(tx, {
        to: order.email,
        locale: toLocale(order.locale),
        template: 'orderDelivered',
        data: { name: order.name ?? '', number: order.number, orderUrl: secretLinks.order(order.id, order.number) },
        dedupeKey: `order-delivered:${order.id}`,
        userId: order.userId ?? undefined,
      });
    }
    return { ok: true as const };
  });
  sendMailSoon();
  return result;
}
