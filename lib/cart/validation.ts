import { z } from 'zod';

/**
 * A quantity typed or sent by a client: a whole number from 1 to the line limit, given as digits.
 * "0", "-1", "1.5", "1e3", "NaN", "2147483648" and anything else are refused with `quantityInvalid`.
 */
export function quantitySchema(max: number) {
  return z
    .union([z.number(), z.string()])
    .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
    .pipe(z.string().regex(/^\d{1,3}$/, 'quantityInvalid'))
    .transform(Number)
    .pipe(z.number().int('quantityInvalid').min(1, 'quantityInvalid').max(max, 'quantityTooMany'));
}

export const editionIdSchema = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(/^\d{1,9}$/, 'editionInvalid'))
  .transform(Number);

export const lineIdSchema = editionIdSchema;

/** A rental period sent by a client: a whole number of days, given as digits (whether it is offered is the cart's check). */
export const periodDaysSchema = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(/^\d{1,3}$/, 'periodNotOffered'))
  .transform(Number);
