import { z } from 'zod';

/** A wishlist holds at most this many products. */
export const WISHLIST_MAX_ITEMS = 500;

export const wishlistProductIdSchema = z.coerce
  .number({ error: 'productNotFound' })
  .int('productNotFound')
  .positive('productNotFound')
  .max(2_147_483_647, 'productNotFound');
