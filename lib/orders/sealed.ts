import 'server-only';
import { sql } from 'drizzle-orm';
import { users } from '@/lib/accounts/schema';
import { openDisplayName } from '@/lib/accounts/sealed';
import { contextOf } from '@/lib/security/encrypted-columns';
import { decryptText, encryptText } from '@/lib/security/encryption';
import { fieldCipher } from '@/lib/security/field-cipher';
import { orders } from './schema';

/**
 * Encryption at rest of the orders tables: the shipping address an order froze (every field but the
 * country) and staff notes on its timeline. Every write goes through `seal…`, every read through
 * `open…`; the columns are listed in lib/security/encrypted-columns.ts.
 */

const shippingFields = fieldCipher('orders', {
  shipName: 'ship_name',
  shipLine1: 'ship_line1',
  shipLine2: 'ship_line2',
  shipCity: 'ship_city',
  shipRegion: 'ship_region',
  shipPostalCode: 'ship_postal_code',
  shipPhone: 'ship_phone',
});

export type ShippingFields = {
  shipName: string | null;
  shipLine1: string | null;
  shipLine2: string | null;
  shipCity: string | null;
  shipRegion: string | null;
  shipPostalCode: string | null;
  shipPhone: string | null;
};

/** The stored form of an order's shipping address (all null for an order that ships nothing). */
export function sealShipping(
  address: {
    fullName: string;
    line1: string;
    line2?: string | null;
    city: string;
    region?: string | null;
    postalCode: string;
    phone?: string | null;
  } | null,
): ShippingFields & { blindIndex: string[] | null } {
  const plain: ShippingFields = {
    shipName: address?.fullName ?? null,
    shipLine1: address?.line1 ?? null,
    shipLine2: address?.line2 ?? null,
    shipCity: address?.city ?? null,
    shipRegion: address?.region ?? null,
    shipPostalCode: address?.postalCode ?? null,
    shipPhone: address?.phone ?? null,
  };
  return { ...shippingFields.seal(plain), blindIndex: shippingFields.index(plain) };
}

/** An order row's ship_* fields (aliased as in ShippingFields), decrypted. */
export function openShipping<T extends Partial<ShippingFields>>(row: T): T {
  return shippingFields.open(row);
}

/** An order's shipping address as people read it, decrypted. */
export type ShippingAddress = {
  name: string | null;
  line1: string;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
};

/** An order row's shipping address, decrypted; null for an order that ships nothing. */
export function openShippingAddress(order: ShippingFields & { shipCountry: string | null }): ShippingAddress | null {
  const ship = openShipping(order);
  return ship.shipLine1
    ? {
        name: ship.shipName,
        line1: ship.shipLine1,
        line2: ship.shipLine2,
        city: ship.shipCity,
        region: ship.shipRegion,
        postalCode: ship.shipPostalCode,
        country: order.shipCountry,
        phone: ship.shipPhone,
      }
    : null;
}

/**
 * The columns `customerName` needs, for a query over `orders o left join users u on u.id = o.user_id`.
 * SQL cannot coalesce encrypted names, so the choice is made after decryption.
 */
export const customerNameColumns = sql`u.display_name as "displayName", u.username as "username", o.ship_name as "shipName"`;

/** The same columns for the query builder, over `orders` left-joined to `users`. */
export const customerNameFields = {
  displayName: users.displayName,
  username: users.username,
  shipName: orders.shipName,
};

/** What customerNameColumns reads. */
export type CustomerNameParts = { displayName: string | null; username: string | null; shipName: string | null };

/** Who an order is for, as mails and staff screens name them: display name, else username, else the recipient. */
export function customerName(row: CustomerNameParts): string | null {
  return (
    openDisplayName(row.displayName)?.trim() ||
    row.username ||
    openShipping({ shipName: row.shipName }).shipName ||
    null
  );
}

/** Adds `name` (customerName) to a row read with customerNameColumns. */
export function withCustomerName<T extends CustomerNameParts>(
  row: T,
): Omit<T, keyof CustomerNameParts> & { name: string | null } {
  const { displayName, username, shipName, ...rest } = row;
  return { ...rest, name: customerName({ displayName, username, shipName }) };
}

const NOTE_CONTEXT = contextOf('order_events', 'data', 'text');

/** The stored text of a staff note (order_events.data.text of a 'note' event). */
export const sealNote = (text: string) => encryptText(text, NOTE_CONTEXT);

/** An order event's data with a staff note's text decrypted (other events as they are). */
export function openEventData<T extends { type: string; data: Record<string, unknown> }>(event: T): T {
  if (event.type !== 'note' || typeof event.data?.text !== 'string') return event;
  return { ...event, data: { ...event.data, text: decryptText(event.data.text, NOTE_CONTEXT) } };
}
