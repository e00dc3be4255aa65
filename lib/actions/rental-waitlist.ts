'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { editionIdSchema } from '@/lib/cart/validation';
import { actionArg, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { joinWaitlist, leaveWaitlist } from '@/lib/rentals/waitlist';

export type WaitlistActionResult = { ok: true } | { ok: false; error: string };

const entryIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/**
 * "Join the waitlist" on a product's rent offer (a form: `editionId`), for the signed-in shopper.
 * Errors (rentalWaitlist.errors): `signIn`, `not_rentable`, `copy_free`.
 */
export const joinRentalWaitlistAction = valueAction(
  'joinRentalWaitlist',
  z.tuple([actionArg]),
  async (editionId: unknown): Promise<WaitlistActionResult> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: 'signIn' };
    const edition = editionIdSchema.safeParse(editionId);
    if (!edition.success) return { ok: false, error: 'not_rentable' };
    const joined = await joinWaitlist(user, edition.data, now());
    return joined.ok ? { ok: true } : { ok: false, error: joined.error };
  },
  INVALID_INPUT,
  ['editionId'],
);

/**
 * "Leave" on /account/rentals (a form: `entryId`): the signed-in shopper's own place only; a copy held
 * for them goes to the next in line. Errors: `signIn`, `not_found`.
 */
export const leaveRentalWaitlistAction = valueAction(
  'leaveRentalWaitlist',
  z.tuple([actionArg]),
  async (entryId: unknown): Promise<WaitlistActionResult> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: 'signIn' };
    const entry = entryIdSchema.safeParse(entryId);
    if (!entry.success) return { ok: false, error: 'not_found' };
    const left = await leaveWaitlist(user, entry.data, now());
    if (left.ok) refresh();
    return left.ok ? { ok: true } : { ok: false, error: left.error };
  },
  INVALID_INPUT,
  ['entryId'],
);
