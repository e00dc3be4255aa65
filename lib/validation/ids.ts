import { z } from 'zod';

/** The largest value of a Postgres `serial` / `integer` id. */
export const MAX_ID = 2_147_483_647;

/** A database row id as a number: a whole number from 1 to MAX_ID. */
export const idSchema = z.number().int().positive().max(MAX_ID);

/**
 * Whether a value that may come from anywhere (a cached function called as a server reference, a
 * parsed URL) is a row id: the same rule as idSchema, without building an error.
 */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= MAX_ID;
}
