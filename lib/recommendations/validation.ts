import { z } from 'zod';

/** Body of POST /api/v1/events/view: the product the page shows. */
export const viewEventSchema = z.object({ productId: z.coerce.number().int().positive().max(2_147_483_647) });

/** The personalisation switch: on or off. */
export const personalizationSchema = z.boolean();

/** Query of GET /api/v1/recommendations: `?product={slug}` or `?for=me`, not both. */
export const recommendationsQuerySchema = z.union([
  z.object({
    product: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .max(200),
    for: z.undefined().optional(),
  }),
  z.object({ for: z.literal('me'), product: z.undefined().optional() }),
]);
