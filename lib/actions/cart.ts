'use server';

import { actionArg, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { refresh } from 'next/cache';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { recordInteraction } from '@/lib/recommendations/signals-store';
import { acknowledgePrices, addToCart, removeCartLine, setCartLineQuantity } from '@/lib/cart/mutations';
import { addRentalToCart } from '@/lib/rentals/cart';
import { editionIdSchema, lineIdSchema, periodDaysSchema, quantitySchema } from '@/lib/cart/validation';

export type CartActionResult = { ok: true; quantity: number; capped: boolean } | { ok: false; error: string };

/**
 * "Add to cart" on a product page (a form: `editionId`, `quantity`). The price is always the
 * database's.
 */
export const addToCartAction = valueAction(
  'addToCart',
  z.tuple([actionArg, actionArg.optional()]),
  async (editionId: unknown, quantity: unknown = 1): Promise<CartActionResult> => {
    const edition = editionIdSchema.safeParse(editionId);
    if (!edition.success) return { ok: false, error: 'editionUnavailable' };
    const amount = quantitySchema(env.CART_MAX_QUANTITY).safeParse(quantity);
    if (!amount.success) return { ok: false, error: amount.error.issues[0]?.message ?? 'quantityInvalid' };
    const result = await addToCart(edition.data, amount.data);
    if (result.ok)
      await recordInteraction({ type: 'add_to_cart', editionId: edition.data, user: await getCurrentUser() });
    return result.ok ? result : { ok: false, error: result.error };
  },
  INVALID_INPUT,
  ['editionId', 'quantity'],
);

/**
 * "Rent" on a product page (a form: `editionId`, `periodDays`): a rental line of one copy for a
 * period of RENTAL_PERIOD_DAYS. Errors: `editionUnavailable`, `periodNotOffered`, `noCopyFree`.
 */
export const addRentalToCartAction = valueAction(
  'addRentalToCart',
  z.tuple([actionArg, actionArg]),
  async (editionId: unknown, periodDays: unknown): Promise<CartActionResult> => {
    const edition = editionIdSchema.safeParse(editionId);
    if (!edition.success) return { ok: false, error: 'editionUnavailable' };
    const period = periodDaysSchema.safeParse(periodDays);
    if (!period.success) return { ok: false, error: 'periodNotOffered' };
    const user = await getCurrentUser();
    const result = await addRentalToCart(edition.data, period.data, user?.id ?? null);
    if (!result.ok) return result;
    await recordInteraction({ type: 'add_to_cart', editionId: edition.data, user });
    return { ok: true, quantity: 1, capped: false };
  },
  INVALID_INPUT,
  ['editionId', 'periodDays'],
);

/**
 * The cart page's forms: each answer also carries the refreshed page (`refresh()`), so the cart's
 * optimistic quantities give way to the server's in one step.
 */

/** Changes a line's quantity (a form: `lineId`, `quantity`; 1 to the limit, capped by stock). */
export const updateCartLineAction = valueAction(
  'updateCartLine',
  z.tuple([actionArg, actionArg]),
  async (lineId: unknown, quantity: unknown): Promise<CartActionResult> => {
    const line = lineIdSchema.safeParse(lineId);
    const amount = quantitySchema(env.CART_MAX_QUANTITY).safeParse(quantity);
    if (!line.success) return { ok: false, error: 'lineNotFound' };
    if (!amount.success) return { ok: false, error: amount.error.issues[0]?.message ?? 'quantityInvalid' };
    const result = await setCartLineQuantity(line.data, amount.data);
    refresh();
    return result.ok ? result : { ok: false, error: result.error };
  },
  INVALID_INPUT,
  ['lineId', 'quantity'],
);

/** Removes a line (a form: `lineId`). */
export const removeCartLineAction = valueAction(
  'removeCartLine',
  z.tuple([actionArg]),
  async (lineId: unknown): Promise<CartActionResult> => {
    const line = lineIdSchema.safeParse(lineId);
    if (!line.success) return { ok: false, error: 'lineNotFound' };
    const result = await removeCartLine(line.data);
    refresh();
    return result.ok ? result : { ok: false, error: result.error };
  },
  INVALID_INPUT,
  ['lineId'],
);

/** "I have seen the new prices": the flagged price changes stop blocking checkout. */
export const acknowledgePricesAction = valueAction(
  'acknowledgePrices',
  z.tuple([]),
  async (): Promise<{ ok: boolean }> => {
    await acknowledgePrices();
    refresh();
    return { ok: true };
  },
  INVALID_INPUT,
  [],
);
