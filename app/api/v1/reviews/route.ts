import { z } from 'zod';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { listProductReviews } from '@/lib/reviews/queries';
import { productIdSchema, reviewPageSchema } from '@/lib/reviews/validation';

const query = z.object({ productId: productIdSchema, page: reviewPageSchema.default(1) });

// GET /api/v1/reviews?productId=&page=: one page of a product's visible reviews, newest first
// ("Show more reviews" on product pages, other clients). Public and cached like the catalog.
export const GET = route({ query }, async ({ query }) => jsonOk(await listProductReviews(query.productId, query.page)));
