import { env } from '@/lib/env';

/** What the rental rules read of the configuration: the periods offered and the shop's time zone. */
export type RentalSettings = { periods: readonly number[]; timeZone: string };

/** RENTAL_PERIOD_DAYS and SHOP_TIME_ZONE; tests give their own settings instead. */
export const rentalSettings = (): RentalSettings => ({ periods: env.RENTAL_PERIOD_DAYS, timeZone: env.SHOP_TIME_ZONE });

/** A step of the rental domain refused, with why (nothing changed). */
export type Refusal<E extends string> = { ok: false; error: E };
