import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { editions } from '@/lib/catalog/schema';
import { type RentalCopyGrade, type RentalCopyStatus, rentalCopies, rentalCopyStatus } from './schema';

/**
 * The rental desk's copies: adding them by code, grading, and taking them out of the pool. Every
 * status change is one conditional update (`where status in (…allowed)`), so two desks acting on
 * the same copy at once cannot both win, and a refused change changes nothing. The clock is the
 * caller's (`now`). Audit rows and the admin check come with the desk's server actions (later step).
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
export async function addCopies(input: {
  editionId: number;
  codes: string[];
  grade?: RentalCopyGrade;
  now: Date;
}): Promise<{ ok: true; copies: RentalCopy[] } | Refusal<'invalid_code' | 'duplicate_code' | 'not_rentable'>> {
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
    return await db.transaction(async (tx) => {
      const [edition] = await tx
        .select({ id: editions.id })
        .from(editions)
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
      return { ok: true as const, copies };
    });
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

type CopyUpdate = Promise<{ ok: true; copy: RentalCopy } | Refusal<'unknown_code' | 'not_allowed'>>;

/** One conditional update of the copy with `code`, only from the states `from`; why not, when refused. */
async function updateCopy(
  rawCode: string,
  set: Partial<Pick<RentalCopy, 'status' | 'grade' | 'updatedAt'>>,
  from: readonly RentalCopyStatus[],
): CopyUpdate {
  const code = normalizeCopyCode(rawCode);
  if (!code) return { ok: false, error: 'unknown_code' };
  const db = await getDb();
  const [copy] = await db
    .update(rentalCopies)
    .set(set)
    .where(and(eq(rentalCopies.code, code), inArray(rentalCopies.status, [...from])))
    .returning();
  if (copy) return { ok: true, copy };
  const known = await db.$count(rentalCopies, eq(rentalCopies.code, code));
  return { ok: false, error: known > 0 ? 'not_allowed' : 'unknown_code' };
}

/**
 * Moves the copy with `code` to `to` (retired, lost, damaged; or back to available after the check
 * of a returned copy, with its new grade), only from a state that allows it.
 */
export function changeCopyStatus(input: {
  code: string;
  to: CopyChange;
  grade?: RentalCopyGrade;
  now: Date;
}): CopyUpdate {
  const { code, to, grade, now } = input;
  return updateCopy(code, { status: to, updatedAt: now, ...(grade ? { grade } : {}) }, ALLOWED_FROM[to]);
}

/** Sets the grade of a copy that is still the shop's (not lost or retired). */
export function gradeCopy(input: { code: string; grade: RentalCopyGrade; now: Date }): CopyUpdate {
  const shops = rentalCopyStatus.enumValues.filter((status) => status !== 'lost' && status !== 'retired');
  return updateCopy(input.code, { grade: input.grade, updatedAt: input.now }, shops);
}
