import { z } from 'zod';
import { text } from '@/lib/validation/text';

/**
 * The desk's "mark lost" form (lib/actions/admin/rental-keep.ts): the rental, and the charge for the
 * copy typed in the shop's currency ("25.00"; parsed by the action). Errors are keys of `admin.rentals.errors`.
 */
export const markLostSchema = z.object({
  rentalId: z.coerce.number().int().positive().max(2_147_483_647),
  charge: text(20).optional().default(''),
});
