import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { editions, products } from '@/lib/catalog/schema';
import { sendMailSoon } from '@/lib/mail/mutations';
import { type RentalCopyGrade, type RentalCopyStatus, rentalCopies, rentalCopyStatus } from './schema';
import { freeCopyIn } from './waitlist';

/**
 * The rental desk's copies: adding them by code, grading, and taking them out of the pool. Every
 * status change is one conditional update (`where status in (…allowed)`), so two desks acting on
 * the same copy at once cannot both win, and a refused change changes nothing. The clock is the
 * caller's (`now`). Each takes the acting admin, checks the role, and writes its audit row in the
 * transaction of the change (entity `rental_copy`).
 */

export type RentalCopy = typeof rentalCopies.$inferSelect;
type Refusal<E extends string> = { ok: false; error: E; code?: string };

const CODE = /^[A-Z0-9][A-Z0-9._-]{2,63}$/;

/** A copy code as stored: trimmed and upper-cased; null when it is not 3–64 letters, digits, `.`, `_` or `-`. */
export function normalizeCopyCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return CODE.test(code) ? code : null;
}

class DuplicateCode extends Error {
  constructor(readonly code: string) {
    super(`Copy code ${code} is taken`);
  }
}

/**
 * Adds copies of a rentable physical edition, one per code, all or none: a code that is invalid,
 * named twice or already on another copy refuses the whole batch, naming it.
 */
export async function addCopies(
  admin: StaffUser,
  input: {
    editionId: number;
    codes: string[];
    grade?: RentalCopyGrade;
    now: Date;
  },
): Promise<
  { ok: true; copies: RentalCopy[]; productSlug: string } | Refusal<'invalid_code' | 'duplicate_code' | 'not_rentable'>
> {
  assertAdmin(admin, 'addCopies');
  const codes: string[] = [];
  for (const raw of input.codes) {
    const code = normalizeCopyCode(raw);
    if (!code) return { ok: false, error: 'invalid_code', code: raw };
    if (codes.includes(code)) return { ok: false, error: 'duplicate_code', code };
    codes.push(code);
  }
  if (codes.length === 0) return { ok: false, error: 'invalid_code', code: '' };
  const db = await getDb();
  try {
    const added = await db.transaction(async (tx) => {
      const [edition] = await tx
        .select({ id: editions.id, productSlug: products.slug })
        .from(editions)
        .innerJoin(products, eq(products.id, editions.productId))
        .where(and(eq(editions.id, input.editionId), eq(editions.rentable, true), eq(editions.digital, false)));
      if (!edition) return { ok: false as const, error: 'not_rentable' as const };
      const copies = await tx
        .insert(rentalCopies)
        .values(
          codes.map((code) => ({
            editionId: input.editionId,
            code,
            grade: input.grade,
            createdAt: input.now,
            updatedAt: input.now,
          })),
        )
        .onConflictDoNothing({ target: rentalCopies.code })
        .returning();
      const taken = codes.find((code) => !copies.some((copy) => copy.code === code));
      if (taken) throw new DuplicateCode(taken); // rolls the batch back
      // New copies are free for renting: each goes to the next in the edition's waitlist, if any (./waitlist.ts).
      for (const copy of copies) {
        if ((await freeCopyIn(tx, copy.id, input.now)).status === 'offered') copy.status = 'reserved';
      }
      for (const copy of copies) {
        await recordAudit(tx, {
          actorUserId: admin.id,
          action: 'rental_copy.add',
          entity: 'rental_copy',
          entityId: copy.id,
          after: { code: copy.code, editionId: copy.editionId, grade: copy.grade, status: copy.status },
        });
      }
      return { ok: true as const, copies, productSlug: edition.productSlug };
    });
    if (added.ok && added.copies.some((copy) => copy.status === 'reserved')) sendMailSoon();
    return added;
  } catch (error) {
    if (error instanceof DuplicateCode) return { ok: false, error: 'duplicate_code', code: error.code };
    throw error;
  }
}

/** From which states each desk change may move a copy (an `out` or `reserved` copy belongs to its rental). */
const ALLOWED_FROM = {
  retired: ['available', 'returned_pending_check', 'damaged'],
  lost: ['available', 'returned_pending_check'],
  damaged: ['available', 'returned_pending_check'],
  available: ['returned_pending_check'],
} as const satisfies Partial<Record<RentalCopyStatus, readonly RentalCopyStatus[]>>;

export type CopyChange = keyof typeof ALLOWED_FROM;

/** The copy after the change, and its product's slug (the shop's rent offer may have changed with it). */
type CopyUpdate = Promise<
  { ok: true; copy: RentalCopy; productSlug: string } | Refusal<'unknown_code' | 'not_allowed'>
>;

/** One conditional update of the copy with `code`, only from the states `from`, with its audit row; why not, when refused. */
async function updateCopy(
  admin: StaffUser,
  action: string,
  rawCode: string,
  set: Partial<Pick<RentalCopy, 'status' | 'grade' | 'updatedAt'>>,
  from: readonly RentalCopyStatus[],
): CopyUpdate {
  const code = normalizeCopyCode(rawCode);
  if (!code) return { ok: false, error: 'unknown_code' };
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        id: rentalCopies.id,
        status: rentalCopies.status,
        grade: rentalCopies.grade,
        productSlug: products.slug,
      })
      .from(rentalCopies)
      .innerJoin(editions, eq(editions.id, rentalCopies.editionId))
      .innerJoin(products, eq(products.id, editions.productId))
      .where(eq(rentalCopies.code, code))
      .for('update', { of: rentalCopies });
    if (!before) return { ok: false as const, error: 'unknown_code' as const };
    const [copy] = await tx
      .update(rentalCopies)
      .set(set)
      .where(and(eq(rentalCopies.id, before.id), inArray(rentalCopies.status, [...from])))
      .returning();
    if (!copy) return { ok: false as const, error: 'not_allowed' as const };
    // A copy back on the shelf goes to the next in its edition's waitlist, if any (./waitlist.ts).
    const freed = set.status === 'available' ? await freeCopyIn(tx, copy.id, copy.updatedAt) : null;
    if (freed?.status === 'offered') copy.status = 'reserved';
    await recordAudit(tx, {
      actorUserId: admin.id,
      action,
      entity: 'rental_copy',
      entityId: copy.id,
      before: { code, editionId: copy.editionId, status: before.status, grade: before.grade },
      after: {
        code,
        editionId: copy.editionId,
        status: copy.status,
        grade: copy.grade,
        ...(freed?.status === 'offered' ? { waitlistEntryId: freed.entry.id } : {}),
      },
    });
    return { ok: true as const, copy, productSlug: before.productSlug };
  });
  if (done.ok && done.copy.status === 'reserved') sendMailSoon(); // offered to the waitlist
  return done;
}

/**
 * Moves the copy with `code` to `to` (retired, lost, damaged; or back to available after the check
 * of a returned copy, with its new grade), only from a state that allows it. Admins only.
 */
export function changeCopyStatus(
  admin: StaffUser,
  input: { code: string; to: CopyChange; grade?: RentalCopyGrade; now: Date },
): CopyUpdate {
  assertAdmin(admin, 'changeCopyStatus');
  const { code, to, grade, now } = input;
  const set = { status: to, updatedAt: now, ...(grade ? { grade } : {}) };
  return updateCopy(admin, `rental_copy.${to}`, code, set, ALLOWED_FROM[to]);
}

/** Sets the grade of a copy that is still the shop's (not lost or retired). Admins only. */
export function gradeCopy(admin: StaffUser, input: { code: string; grade: RentalCopyGrade; now: Date }): CopyUpdate {
  assertAdmin(admin, 'gradeCopy');
  const shops = rentalCopyStatus.enumValues.filter((status) => status !== 'lost' && status !== 'retired');
  return updateCopy(admin, 'rental_copy.grade', input.code, { grade: input.grade, updatedAt: input.now }, shops);
}
