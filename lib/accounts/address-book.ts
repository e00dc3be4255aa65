import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, pick, type Transaction } from '@/db';
import type { Locale } from '@/lib/i18n/config';
import type { Result } from './mutations';
import { type AddressFields, openAddress, sealAddress } from './sealed';
import { addresses, users } from './schema';
import { addressSchema, fieldErrors, type AddressInput } from './validation';
import { must } from '@/lib/must';

/**
 * The address book of the account centre (/account/addresses) and checkout. Every function takes the
 * acting user's id (from requireUser(), never from the client) and touches only that user's
 * addresses. Addresses are stored encrypted: written through `sealAddress`, read through
 * `openAddress` (lib/accounts/sealed.ts).
 */

/** An address book holds at most this many addresses. */
export const MAX_ADDRESSES = 20;

const notFound = { ok: false, fieldErrors: { form: 'notFound' } } as const;

/** Locks the user's row for the rest of the transaction, so address-book writes of one user run one at a time. */
async function lockLiveUser(tx: Transaction, userId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for('update');
  return Boolean(row);
}

export type AddressView = AddressFields & { id: number; country: string; isDefault: boolean };

const addressView = pick(addresses, 'id fullName line1 line2 city region postalCode country phone isDefault');

// ISO 3166-1 alpha-2 codes (the 249 officially assigned ones), as data: one line, space-separated.
const ISO_COUNTRIES =
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW';

/** ISO 3166-1 alpha-2 codes (the 249 officially assigned ones). */
export const COUNTRY_CODES: readonly string[] = ISO_COUNTRIES.split(' ');

const countryCodes = new Set<string>(COUNTRY_CODES);

/** The country choices of the address form: every ISO code with its name in `locale`, sorted by name. */
export function listCountries(locale: Locale): { code: string; name: string }[] {
  const tag = locale === 'zh' ? 'zh-CN' : 'en';
  const names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(tag);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/** `addressSchema`, limited to assigned ISO country codes. */
export const accountAddressSchema = addressSchema.refine((a) => countryCodes.has(a.country), {
  path: ['country'],
  message: 'countryInvalid',
});

const addressIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** The user's addresses, the default first, then oldest first. */
export async function listAddresses(userId: number): Promise<AddressView[]> {
  const db = await getDb();
  const rows = await db
    .select(addressView)
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt), asc(addresses.id));
  return rows.map(openAddress);
}

/** One of the user's addresses; null when it does not exist or belongs to someone else. */
export async function getAddress(userId: number, addressId: unknown): Promise<AddressView | null> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return null;
  const db = await getDb();
  const [row] = await db
    .select(addressView)
    .from(addresses)
    .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)));
  return row ? openAddress(row) : null;
}

/** The stored (encrypted, indexed) columns of an address. */
const addressValues = (data: AddressInput) =>
  sealAddress({
    fullName: data.fullName,
    line1: data.line1,
    line2: data.line2 ?? null,
    city: data.city,
    region: data.region ?? null,
    postalCode: data.postalCode,
    country: data.country,
    phone: data.phone ?? null,
  });

/**
 * Adds an address. The first address of a book is the default; `isDefault` makes a later one the
 * default (and the previous default an ordinary address). At most MAX_ADDRESSES.
 */
export async function createAddress(userId: number, input: unknown): Promise<Result<{ address: AddressView }>> {
  const parsed = accountAddressSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<{ address: AddressView }>> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const existing = await tx.$count(addresses, eq(addresses.userId, userId));
    if (Number(existing) >= MAX_ADDRESSES) return { ok: false, fieldErrors: { form: 'addressLimit' } };
    const isDefault = Number(existing) === 0 || parsed.data.isDefault === true;
    if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    const [address] = await tx
      .insert(addresses)
      .values({ userId, ...addressValues(parsed.data), isDefault })
      .returning(addressView);
    return { ok: true, address: openAddress(must(address, 'inserted address')) };
  });
}

/**
 * Edits one of the user's addresses; another user's address id is "not found" and nothing changes.
 * `isDefault: true` makes it the default; the default cannot be un-made (choose another one instead),
 * so a non-empty address book always has exactly one default.
 */
export async function updateAddress(
  userId: number,
  addressId: unknown,
  input: unknown,
): Promise<Result<{ address: AddressView }>> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return notFound;
  const parsed = accountAddressSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<{ address: AddressView }>> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [current] = await tx
      .select({ isDefault: addresses.isDefault })
      .from(addresses)
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)));
    if (!current) return notFound;
    const isDefault = current.isDefault || parsed.data.isDefault === true;
    if (isDefault && !current.isDefault) {
      await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    }
    const [address] = await tx
      .update(addresses)
      .set({ ...addressValues(parsed.data), isDefault })
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)))
      .returning(addressView);
    // The row was read and locked above, in this transaction.
    return { ok: true, address: openAddress(must(address, 'updated address')) };
  });
}

/** Deletes one of the user's addresses; when it was the default, the oldest remaining one becomes the default. */
export async function deleteAddress(userId: number, addressId: unknown): Promise<Result> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return notFound;
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [deleted] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)))
      .returning({ isDefault: addresses.isDefault });
    if (!deleted) return notFound;
    if (deleted.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(asc(addresses.createdAt), asc(addresses.id))
        .limit(1);
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
    return { ok: true };
  });
}

/** Makes one of the user's addresses the default (and every other one not). */
export async function setDefaultAddress(userId: number, addressId: unknown): Promise<Result> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return notFound;
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [owned] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)));
    if (!owned) return notFound;
    await tx
      .update(addresses)
      .set({ isDefault: sql`${addresses.id} = ${id.data}` })
      .where(eq(addresses.userId, userId));
    return { ok: true };
  });
}
