import { z } from 'zod';
import { CARRIER_CODES, TRACKING_NUMBER } from '@/lib/orders/carriers';
import { text } from '@/lib/validation/text';
import type { RentalCopyGrade } from '@/lib/rentals/schema';

/**
 * The rental desk's forms (lib/actions/admin/rentals.ts). Error messages are keys of
 * `admin.rentals.errors`. Copy codes themselves are checked by lib/rentals/copies.ts
 * (normalizeCopyCode), which names the code it refuses.
 */

const id = z.coerce.number().int().positive().max(2_147_483_647);
/** The grades, best first (the schema's enum; written out so that client forms need not load the schema). */
export const COPY_GRADES = ['mint', 'excellent', 'good', 'fair', 'poor'] as const satisfies readonly RentalCopyGrade[];

const grade = z.enum(COPY_GRADES, { error: 'gradeRequired' });

/** The most copies one "add copies" form may add (one code a line). */
export const MAX_COPIES_AT_ONCE = 200;

/** Check-in: the scanned code, and a damage charge typed in the shop's currency ("4.50"), optional. */
export const checkInSchema = z.object({
  code: text(64).min(1, 'codeRequired'),
  damage: text(20).optional().default(''),
});

/**
 * Dispatch: the rental, the code of the copy put in the parcel (blank: the one held), and how it went —
 * a carrier and tracking number together, or neither.
 */
export const dispatchSchema = z
  .object({
    rentalId: id,
    copyCode: text(64).optional().default(''),
    carrier: z
      .union([z.literal(''), z.enum(CARRIER_CODES)], { error: 'carrierInvalid' })
      .optional()
      .default(''),
    carrierName: text(60).optional().default(''),
    trackingNumber: text(60)
      .optional()
      .default('')
      .transform((value) => value.replace(/\s+/g, ''))
      .refine((value) => value === '' || TRACKING_NUMBER.test(value), 'trackingInvalid'),
  })
  .superRefine((value, context) => {
    if (value.carrier && !value.trackingNumber) {
      context.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'trackingRequired' });
    }
    if (!value.carrier && value.trackingNumber) {
      context.addIssue({ code: 'custom', path: ['carrier'], message: 'carrierRequired' });
    }
    if (value.carrier === 'other' && value.carrierName.length < 2) {
      context.addIssue({ code: 'custom', path: ['carrierName'], message: 'carrierNameRequired' });
    }
  });

/** New copies: one code a line (blank lines left out), all with the same grade. */
export const addCopiesSchema = z.object({
  editionId: id,
  codes: text(MAX_COPIES_AT_ONCE * 70, { multiline: true })
    .transform((value) =>
      value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((codes) => codes.length > 0, 'codesRequired')
    .refine((codes) => codes.length <= MAX_COPIES_AT_ONCE, 'tooManyCodes'),
  grade,
});

/** What the desk may do to one copy: grade it, or move it (lost, damaged, retired, back to available). */
export const COPY_CHANGES = ['grade', 'available', 'damaged', 'lost', 'retired'] as const;

export const changeCopySchema = z.object({
  code: text(64).min(1, 'codeRequired'),
  change: z.enum(COPY_CHANGES, { error: 'changeRequired' }),
  grade: grade.optional(),
});
